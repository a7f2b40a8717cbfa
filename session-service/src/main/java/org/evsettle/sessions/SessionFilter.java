package org.evsettle.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.evsettle.kit.api.Filters;

/**
 * Which sessions a list shows; a null field does not filter. A session lies in from..until by the
 * instant it is listed at (its charger's start, see {@link ChargingSession#listedAt}).
 */
public record SessionFilter(UUID operatorId, UUID driverId, String chargePointId, SessionStatus status, Instant from,
                            Instant until) {

    /**
     * The filter of a list asked for by calendar dates, both inclusive, in the operator's zone: from the
     * start of the first day to the start of the day after the last; 400 naming {@code to} when it lies
     * before {@code from}.
     */
    public static SessionFilter of(UUID operatorId, UUID driverId, String chargePointId, SessionStatus status,
                                   LocalDate from, LocalDate to, ZoneId zone) {
        Filters.requireOrdered("from", from, "to", to);
        return new SessionFilter(operatorId, driverId, chargePointId == null || chargePointId.isBlank() ? null
                : chargePointId.trim(), status, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
