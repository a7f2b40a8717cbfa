package org.evsettle.gateway.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.gateway.ChargerConnections;
import org.evsettle.gateway.ChargerPresence;
import org.evsettle.gateway.ConnectionSnapshot;
import org.evsettle.gateway.ConnectorStatus;

/**
 * A charger's connection as the API shows it: registrationStatus is how its last BootNotification
 * was answered (Accepted, Pending, Rejected); connectors carry their last StatusNotification.
 */
public record ConnectionView(
        @Schema(example = "ZAP-000123") String chargePointId,
        @Schema(description = "Whether a replica holds the charger's socket now") boolean connected,
        Instant connectedSince,
        @Schema(description = "The last frame or pong from the charger") Instant lastSeen,
        @Schema(example = "Zaptec") String vendor,
        @Schema(example = "Go2") String model,
        @Schema(example = "3.2.1.0") String firmwareVersion,
        @Schema(enumeration = {"Accepted", "Pending", "Rejected"}) String registrationStatus,
        List<ConnectorView> connectors) {

    /** One connector's last reported status; timestamp is the charger's (the receipt time if it sent none). */
    public record ConnectorView(int connectorId, @Schema(example = "Charging") String status,
                                @Schema(example = "NoError") String errorCode, Instant timestamp) {
        static ConnectorView of(ConnectorStatus status) {
            return new ConnectorView(status.connectorId(), status.status(), status.errorCode(), status.timestamp());
        }
    }

    /** The charger's connection now, as every replica sees it, with this replica's latest sign of life. */
    static ConnectionView current(String chargePointId, ChargerPresence presence, ChargerConnections connections) {
        return of(chargePointId, presence.snapshot(chargePointId).seenAt(connections.lastSeen(chargePointId).orElse(null)));
    }

    static ConnectionView of(String chargePointId, ConnectionSnapshot snapshot) {
        return new ConnectionView(chargePointId, snapshot.connected(), snapshot.connectedSince(), snapshot.lastSeen(),
                snapshot.vendor(), snapshot.model(), snapshot.firmwareVersion(), snapshot.registrationStatus(),
                snapshot.connectors().stream().map(ConnectorView::of).toList());
    }
}
