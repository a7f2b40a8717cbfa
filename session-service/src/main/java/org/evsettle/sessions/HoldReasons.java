package org.evsettle.sessions;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The rule that decides whether a session with both its start and its stop may be billed as it is;
 * if not, it is held with the first reason found, for an operator to review.
 */
public final class HoldReasons {

    /** The OCPP 1.6 authorization status of an idTag that may charge. */
    public static final String ACCEPTED = "Accepted";

    private HoldReasons() {
    }

    public static Optional<String> of(String authorizationStatus, UUID driverId, Instant startedAt, Instant stoppedAt,
                                      long energyWh) {
        if (!ACCEPTED.equals(authorizationStatus)) {
            String status = authorizationStatus == null ? "no status" : authorizationStatus;
            return Optional.of("idTag not accepted (" + status + ")");
        }
        if (driverId == null) {
            return Optional.of("no driver");
        }
        if (startedAt == null || stoppedAt == null) {
            return Optional.of("no charger timestamp");
        }
        if (stoppedAt.isBefore(startedAt)) {
            return Optional.of("stopped before it started");
        }
        if (energyWh < 0) {
            return Optional.of("negative energy (" + energyWh + " Wh)");
        }
        return Optional.empty();
    }
}
