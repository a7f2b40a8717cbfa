package org.evsettle.gateway.ocpp.v16;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.gateway.Admission;
import org.evsettle.gateway.ChargerBoot;
import org.evsettle.gateway.ChargerPresence;
import org.evsettle.gateway.ChargerRegistration;
import org.evsettle.gateway.ConnectorStatus;
import org.evsettle.gateway.PasswordIssuer;
import org.evsettle.gateway.configuration.ChargerConfigurator;
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
 * The charger's life: BootNotification (Accepted, Pending or Rejected by {@link ChargerRegistration},
 * with the clock it should set, as {@link ChargerBoot} decides for every OCPP version), Heartbeat
 * (the time) and StatusNotification (per connector). Boot and status are published as {@code ChargerBooted} and {@code ChargerStatusChanged} before they are
 * answered; an unknown charger admitted with its operator's enrollment key is also published as
 * {@code ChargerEnrolled}, so that the registry records it as awaiting approval. A charger still on its
 * operator's enrollment key is then given a password of its own ({@link PasswordIssuer}); an accepted one
 * that is not is configured for billing ({@link ChargerConfigurator}).
 */
@ApplicationScoped
public class CoreHandler implements ActionFamily {

    private final ChargerBoot chargerBoot;
    private final ChargerPresence presence;
    private final PasswordIssuer passwords;
    private final ChargerConfigurator configurator;
    private final OcppEventPublisher publisher;

    public CoreHandler(ChargerBoot chargerBoot, ChargerPresence presence, PasswordIssuer passwords,
                       ChargerConfigurator configurator, OcppEventPublisher publisher) {
        this.chargerBoot = chargerBoot;
        this.presence = presence;
        this.passwords = passwords;
        this.configurator = configurator;
        this.publisher = publisher;
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
        Admission admission = call.admission();
        String serialNumber = boot.chargePointSerialNumber() != null
                ? boot.chargePointSerialNumber() : boot.chargeBoxSerialNumber();
        return chargerBoot.booted(call.context(), new ChargerBoot.Identity(boot.chargePointVendor(),
                        boot.chargePointModel(), serialNumber, boot.firmwareVersion(), null))
                .invoke(status -> {
                    if (status != ChargerRegistration.Status.REJECTED) {
                        passwords.booted(admission);
                    }
                    if (status == ChargerRegistration.Status.ACCEPTED) {
                        configurator.booted(admission, boot.chargePointVendor(), boot.chargePointModel(),
                                boot.firmwareVersion());
                    }
                })
                .map(status -> new BootNotificationResponse(status.ocpp(), chargerBoot.now(),
                        chargerBoot.intervalSeconds(status)));
    }

    Uni<HeartbeatResponse> heartbeat(IncomingCall<HeartbeatRequest> call) {
        return Uni.createFrom().item(new HeartbeatResponse(chargerBoot.now()));
    }

    Uni<StatusNotificationResponse> statusNotification(IncomingCall<StatusNotificationRequest> call) {
        StatusNotificationRequest status = call.request();
        ChargerStatusChanged changed = new ChargerStatusChanged(call.chargePointId(), status.connectorId(),
                status.status(), status.errorCode(), status.info(), status.timestamp(), call.receivedAt());
        return publisher.publish(EventIds.nameBased(call.chargePointId(), call.messageId(), "charger-status-changed"),
                        changed, call.receivedAt())
                .invoke(() -> presence.statusChanged(call.chargePointId(), new ConnectorStatus(status.connectorId(),
                        status.status(), status.errorCode(),
                        status.timestamp() != null ? status.timestamp() : call.receivedAt()), status.info(),
                        call.receivedAt()))
                .map(sent -> new StatusNotificationResponse());
    }
}
