package org.evsettle.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.kit.api.Filters;

/**
 * Which sessions a list shows; a null field does not filter. A session lies in from..until by the
 * instant it is listed at (its charger's start, see {@link ChargingSession#listedAt}). The user type is
 * kept in lower case: it is compared in any case with the one the session's snapshot took. siteKind HOME
 * keeps the sessions at sites the registry names HOME, SHARED every other (a site not known here is SHARED).
 */
public record SessionFilter(UUID operatorId, UUID driverId, String chargePointId, SessionStatus status, Instant from,
                            Instant until, UUID siteId, UUID cardId, String userType, SiteKind siteKind) {

    /** What a list filters on besides whose sessions and which days: each null or blank when not set. */
    public record Narrowing(String chargePointId, SessionStatus status, UUID siteId, UUID cardId, String userType,
                            SiteKind siteKind) {
    }

    /**
     * The filter of a list asked for by calendar dates, both inclusive, in the operator's zone: from the
     * start of the first day to the start of the day after the last; 400 naming {@code to} when it lies
     * before {@code from}.
     */
    public static SessionFilter of(UUID operatorId, UUID driverId, Narrowing narrowing, LocalDate from, LocalDate to,
                                   ZoneId zone) {
        Filters.requireOrdered("from", from, "to", to);
        return new SessionFilter(operatorId, driverId, trimmed(narrowing.chargePointId()), narrowing.status(),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), narrowing.siteId(),
                narrowing.cardId(), narrowing.userType() == null || narrowing.userType().isBlank() ? null
                : narrowing.userType().trim().toLowerCase(Locale.ROOT), narrowing.siteKind());
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
