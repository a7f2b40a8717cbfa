package org.evsettle.gateway;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.CallContext;

/**
 * What a BootNotification means whatever the OCPP version: Accepted, Pending or Rejected by
 * {@link ChargerRegistration}, published as {@code ChargerBooted} (and {@code ChargerEnrolled} for an
 * unknown charger on its operator's enrollment key) before it is answered, recorded in
 * {@link ChargerPresence}, with the interval and the clock the answer gives the charger. What the charger's
 * answers showed of its display ({@link CostDisplay}) is forgotten: it may boot with new firmware.
 */
@ApplicationScoped
public class ChargerBoot {

    /** What the charger says of itself at boot; reason is 2.0.1's (null from 1.6). */
    public record Identity(String vendor, String model, String serialNumber, String firmwareVersion, String reason) {
    }

    private final ChargerRegistration registration;
    private final ChargerPresence presence;
    private final CostDisplay costDisplay;
    private final OcppEventPublisher publisher;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final Duration pendingInterval;

    public ChargerBoot(ChargerRegistration registration, ChargerPresence presence, CostDisplay costDisplay,
                       OcppEventPublisher publisher, Clock clock, GatewaySettings settings) {
        this.registration = registration;
        this.presence = presence;
        this.costDisplay = costDisplay;
        this.publisher = publisher;
        this.clock = clock;
        this.heartbeatInterval = settings.heartbeatInterval();
        this.pendingInterval = settings.pendingBootInterval();
    }

    /** Publishes the boot (and an enrolment) and records it; completes with the registration status once Kafka acked. */
    public Uni<ChargerRegistration.Status> booted(CallContext call, Identity boot) {
        Admission admission = call.admission();
        ChargerRegistration.Status status = registration.of(admission);
        ChargerBooted booted = new ChargerBooted(call.chargePointId(), boot.vendor(), boot.model(), boot.serialNumber(),
                boot.firmwareVersion(), status.ocpp(), call.receivedAt(), boot.reason());
        Uni<Void> enrolled = !registration.isEnrolling(admission) ? Uni.createFrom().voidItem()
                : publisher.publish(
                        EventIds.nameBased(call.chargePointId(), admission.enrollmentOperatorId(), "charger-enrolled",
                                boot.vendor(), boot.model(), boot.serialNumber(), boot.firmwareVersion()),
                        new ChargerEnrolled(call.chargePointId(), admission.enrollmentOperatorId(), boot.vendor(),
                                boot.model(), boot.serialNumber(), boot.firmwareVersion(),
                                admission.presentedPasswordHash(), call.receivedAt()),
                        call.receivedAt());
        return enrolled
                .chain(() -> publisher.publish(EventIds.nameBased(call.chargePointId(), call.messageId(),
                        "charger-booted"), booted, call.receivedAt()))
                .invoke(() -> {
                    presence.booted(call.chargePointId(), boot.vendor(), boot.model(), boot.firmwareVersion(),
                            status.ocpp());
                    costDisplay.booted(call.chargePointId());
                })
                .map(sent -> status);
    }

    /** How long the charger waits before its next heartbeat (accepted) or its next boot (pending, rejected). */
    public int intervalSeconds(ChargerRegistration.Status status) {
        return (int) (status == ChargerRegistration.Status.ACCEPTED ? heartbeatInterval : pendingInterval).toSeconds();
    }

    /** The charger sets its clock from this: whole milliseconds, UTC. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
