package org.evsettle.events.sessions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session that has both its start and its stop and is ready to be priced. energyWh is
 * meterStopWh - meterStartWh; readings are the energy register samples in time order, for pricing
 * by time of use; durations split the connected time into charging and idle, for time and idle fees
 * (null when unknown).
 */
public record SessionCompleted(
        UUID sessionId,
        String chargePointId,
        int transactionId,
        int connectorId,
        SessionSnapshot snapshot,
        Instant startedAt,
        Instant stoppedAt,
        long meterStartWh,
        long meterStopWh,
        long energyWh,
        String stopReason,
        List<EnergyReading> readings,
        SessionDurations durations) implements SessionEvent {
}
