package org.evsettle.gateway.ocpp.v16;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.gateway.ChargerConnections;
import org.evsettle.gateway.ChargerStatus;
import org.evsettle.gateway.ConnectorStatus;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.v16.CoreMessages.BootNotificationRequest;
import org.evsettle.gateway.ocpp.v16.CoreMessages.BootNotificationResponse;
import org.evsettle.gateway.ocpp.v16.CoreMessages.HeartbeatRequest;
import org.evsettle.gateway.ocpp.v16.CoreMessages.HeartbeatResponse;
import org.evsettle.gateway.ocpp.v16.CoreMessages.StatusNotificationRequest;
import org.evsettle.gateway.ocpp.v16.CoreMessages.StatusNotificationResponse;

/**
 * The charger's life: BootNotification (accepted for a registered ACTIVE charger, and the clock it
 * should set), Heartbeat (the time) and StatusNotification (per connector). Boot and status are
 * published as {@code ChargerBooted} and {@code ChargerStatusChanged} before they are answered.
 */
@ApplicationScoped
public class CoreHandler implements ActionFamily {

    private final RegistryProjection registry;
    private final ChargerConnections connections;
    private final OcppEventPublisher publisher;
    private final Clock clock;

    public CoreHandler(RegistryProjection registry, ChargerConnections connections, OcppEventPublisher publisher,
                       Clock clock) {
        this.registry = registry;
        this.connections = connections;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public String subprotocol() {
        return Ocpp16.SUBPROTOCOL;
    }

    @Override
    public List<OcppAction<?, ?>> actions() {
        return List.of(
                OcppAction.of("BootNotification", BootNotificationRequest.class, this::bootNotification),
                OcppAction.of("Heartbeat", HeartbeatRequest.class, this::heartbeat),
                OcppAction.of("StatusNotification", StatusNotificationRequest.class, this::statusNotification));
    }

    Uni<BootNotificationResponse> bootNotification(IncomingCall<BootNotificationRequest> call) {
        BootNotificationRequest boot = call.request();
        String status = registrationStatus(registry.charger(call.chargePointId()));
        String serialNumber = boot.chargePointSerialNumber() != null
                ? boot.chargePointSerialNumber() : boot.chargeBoxSerialNumber();
        ChargerBooted booted = new ChargerBooted(call.chargePointId(), boot.chargePointVendor(),
                boot.chargePointModel(), serialNumber, boot.firmwareVersion(), status, call.receivedAt());
        return publisher.publish(EventIds.nameBased(call.chargePointId(), call.messageId(), "charger-booted"), booted,
                        call.receivedAt())
                .invoke(() -> connections.booted(call.chargePointId(), boot.chargePointVendor(),
                        boot.chargePointModel(), boot.firmwareVersion()))
                .map(sent -> new BootNotificationResponse(status, now(), Ocpp16.HEARTBEAT_INTERVAL));
    }

    Uni<HeartbeatResponse> heartbeat(IncomingCall<HeartbeatRequest> call) {
        return Uni.createFrom().item(new HeartbeatResponse(now()));
    }

    Uni<StatusNotificationResponse> statusNotification(IncomingCall<StatusNotificationRequest> call) {
        StatusNotificationRequest status = call.request();
        ChargerStatusChanged changed = new ChargerStatusChanged(call.chargePointId(), status.connectorId(),
                status.status(), status.errorCode(), status.info(), status.timestamp(), call.receivedAt());
        return publisher.publish(EventIds.nameBased(call.chargePointId(), call.messageId(), "charger-status-changed"),
                        changed, call.receivedAt())
                .invoke(() -> connections.statusChanged(call.chargePointId(), new ConnectorStatus(status.connectorId(),
                        status.status(), status.errorCode(),
                        status.timestamp() != null ? status.timestamp() : call.receivedAt())))
                .map(sent -> new StatusNotificationResponse());
    }

    /** Accepted for ACTIVE chargers; Pending while the operator has not approved it; Rejected otherwise. */
    private static String registrationStatus(Optional<ChargerRecord> charger) {
        String status = charger.map(ChargerRecord::status).orElse("");
        if (ChargerStatus.ACTIVE.name().equals(status)) {
            return "Accepted";
        }
        return ChargerStatus.PENDING_APPROVAL.name().equals(status) ? "Pending" : "Rejected";
    }

    /** The charger sets its clock from this: whole milliseconds, UTC. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
