package org.evsettle.gateway;

import java.time.Instant;
import java.util.List;

/**
 * What the gateway knows of a charger's connection at one moment: whether a live replica holds its
 * socket, since when, when it was last heard, what its last BootNotification said and how it was
 * answered, the OCPP version (subprotocol) its connection speaks, and each connector's last status.
 * Never connected: all empty.
 */
public record ConnectionSnapshot(
        boolean connected,
        Instant connectedSince,
        Instant lastSeen,
        String vendor,
        String model,
        String firmwareVersion,
        String registrationStatus,
        String replicaId,
        String subprotocol,
        List<ConnectorStatus> connectors) {

    public static ConnectionSnapshot never() {
        return new ConnectionSnapshot(false, null, null, null, null, null, null, null, null, List.of());
    }

    public ConnectionSnapshot withConnectors(List<ConnectorStatus> statuses) {
        return new ConnectionSnapshot(connected, connectedSince, lastSeen, vendor, model, firmwareVersion,
                registrationStatus, replicaId, subprotocol, statuses);
    }

    /** The same, with a fresher last-seen that this replica knows of (the database lags by a few seconds). */
    public ConnectionSnapshot seenAt(Instant at) {
        if (at == null || (lastSeen != null && !at.isAfter(lastSeen))) {
            return this;
        }
        return new ConnectionSnapshot(connected, connectedSince, at, vendor, model, firmwareVersion, registrationStatus,
                replicaId, subprotocol, connectors);
    }
}
