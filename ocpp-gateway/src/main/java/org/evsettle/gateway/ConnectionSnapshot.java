package org.evsettle.gateway;

import java.time.Instant;
import java.util.List;

/** What this gateway knows of a charger's connection at one moment; never connected: all empty. */
public record ConnectionSnapshot(
        boolean connected,
        Instant connectedSince,
        Instant lastSeen,
        String vendor,
        String model,
        String firmwareVersion,
        List<ConnectorStatus> connectors) {

    public static ConnectionSnapshot never() {
        return new ConnectionSnapshot(false, null, null, null, null, null, List.of());
    }
}
