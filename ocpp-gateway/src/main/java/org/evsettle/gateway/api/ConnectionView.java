package org.evsettle.gateway.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.gateway.ChargerConnections;
import org.evsettle.gateway.ChargerPresence;
import org.evsettle.gateway.ConnectionSnapshot;
import org.evsettle.gateway.ConnectorStatus;
import org.evsettle.gateway.configuration.ConfigurationOutcomes;
import org.evsettle.gateway.configuration.KeyOutcome;

/**
 * A charger's connection as the API shows it: registrationStatus is how its last BootNotification
 * was answered (Accepted, Pending, Rejected); connectors carry their last StatusNotification;
 * configuration is how its billing keys stand after its last accepted boot (empty before one).
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
        @Schema(description = "The OCPP version its last connection speaks", example = "ocpp1.6") String subprotocol,
        List<ConnectorView> connectors,
        @Schema(description = "Per configuration key its profile sets at boot: wanted and reported value, and what "
                + "became of it") List<ConfigurationKeyView> configuration) {

    /** One configuration key after the charger's last accepted boot ({@link KeyOutcome}). */
    public record ConfigurationKeyView(
            @Schema(example = "MeterValueSampleInterval") String key,
            @Schema(description = "The configuration profile that set it", example = "zaptec-go2-native") String profile,
            @Schema(example = "60") String wantedValue,
            @Schema(description = "What the charger reported; null when it reported none", example = "0")
            String reportedValue,
            @Schema(enumeration = {"UNCHANGED", "ACCEPTED", "REBOOT_REQUIRED", "REJECTED", "NOT_SUPPORTED", "NO_ANSWER"})
            String result,
            @Schema(description = "Why, where the result needs a reason") String detail,
            @Schema(description = "The boot that last looked at it") Instant checkedAt,
            @Schema(description = "When the wanted value was last sent; null: never") Instant sentAt) {
        static ConfigurationKeyView of(KeyOutcome outcome) {
            return new ConfigurationKeyView(outcome.key(), outcome.profile(), outcome.wantedValue(),
                    outcome.reportedValue(), outcome.result().name(), outcome.detail(), outcome.checkedAt(),
                    outcome.sentAt());
        }
    }

    /** One connector's last reported status; timestamp is the charger's (the receipt time if it sent none). */
    public record ConnectorView(int connectorId, @Schema(example = "Charging") String status,
                                @Schema(example = "NoError") String errorCode, Instant timestamp) {
        static ConnectorView of(ConnectorStatus status) {
            return new ConnectorView(status.connectorId(), status.status(), status.errorCode(), status.timestamp());
        }
    }

    /** The charger's connection now, as every replica sees it, with this replica's latest sign of life. */
    static ConnectionView current(String chargePointId, ChargerPresence presence, ChargerConnections connections,
                                  ConfigurationOutcomes configuration) {
        return of(chargePointId, presence.snapshot(chargePointId).seenAt(connections.lastSeen(chargePointId).orElse(null)),
                configuration.list(chargePointId));
    }

    static ConnectionView of(String chargePointId, ConnectionSnapshot snapshot, List<KeyOutcome> configuration) {
        return new ConnectionView(chargePointId, snapshot.connected(), snapshot.connectedSince(), snapshot.lastSeen(),
                snapshot.vendor(), snapshot.model(), snapshot.firmwareVersion(), snapshot.registrationStatus(), snapshot.subprotocol(),
                snapshot.connectors().stream().map(ConnectorView::of).toList(),
                configuration.stream().map(ConfigurationKeyView::of).toList());
    }
}
