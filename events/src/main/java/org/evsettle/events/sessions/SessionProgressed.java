package org.evsettle.events.sessions;

import java.util.UUID;

/**
 * A session still charging at an OCPP 2.0.1 station, as of its latest energy reading: soFar holds the session
 * as if it stopped at that reading (stoppedAt and meterStopWh are the reading's, stopReason is null). It is
 * published so that the running cost can be shown on the station's display (CostUpdated with
 * stationTransactionId, the station's own transactionId); nothing is priced for billing, stored or invoiced
 * from it. A session is billed from its {@link SessionCompleted} alone.
 */
public record SessionProgressed(
        UUID sessionId,
        String stationTransactionId,
        SessionCompleted soFar) implements SessionEvent {
}
