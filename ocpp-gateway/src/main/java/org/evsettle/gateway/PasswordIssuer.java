package org.evsettle.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.ChargerPasswordIssued;
import org.evsettle.events.ocpp.ChargerPasswordRefused;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.messaging.OcppEventPublisher;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.CallSender;
import org.evsettle.gateway.ocpp.OcppJson;

/**
 * Gives a charger that presents its operator's enrollment key a password of its own: after its boot is
 * answered (Pending or Accepted) the gateway generates 160 random bits
 * ({@link OcppPasswordHash#generatePassword}) and sends ChangeConfiguration {@code AuthorizationKey}
 * (OCPP 1.6 security extension). When the charger accepts, the hash (never the password) is remembered
 * ({@link IssuedPasswords}) and published as {@code ChargerPasswordIssued}, acknowledged by Kafka, for
 * user-service to store; any other answer (Rejected, NotSupported, a CALLERROR, none in time) is
 * published as {@code ChargerPasswordRefused} with the reason, and the next boot tries again. Outcomes
 * are counted in {@code ocpp_charger_passwords_total{outcome}} (issued, refused).
 */
@ApplicationScoped
public class PasswordIssuer {

    public static final String AUTHORIZATION_KEY = "AuthorizationKey";
    /** The boot's answer goes out first: the charger should know it is Pending before it is configured. */
    private static final Duration AFTER_BOOT = Duration.ofMillis(200);
    private static final int PUBLISH_ATTEMPTS = 5;

    private final EnrollmentPolicy enrollment;
    private final IssuedPasswords issued;
    private final CallSender sender;
    private final OcppEventPublisher publisher;
    private final Clock clock;
    private final Duration timeout;
    private final MeterRegistry meters;
    private final Set<String> issuing = ConcurrentHashMap.newKeySet();

    public PasswordIssuer(EnrollmentPolicy enrollment, IssuedPasswords issued, CallSender sender,
                          OcppEventPublisher publisher, Clock clock, GatewaySettings settings, MeterRegistry meters) {
        this.enrollment = enrollment;
        this.issued = issued;
        this.sender = sender;
        this.publisher = publisher;
        this.clock = clock;
        this.timeout = settings.commandTimeout();
        this.meters = meters;
    }

    /** Called once a boot was answered Pending or Accepted: issues a password when the charger still uses the key. */
    public void booted(Admission admission) {
        String chargePointId = admission.chargePointId();
        Optional<ChargerRecord> charger = enrollment.charger(chargePointId);
        boolean onKey = charger.map(ChargerRecord::onEnrollmentKey).orElse(admission.enrolling());
        UUID operatorId = charger.map(ChargerRecord::operatorId).orElse(admission.enrollmentOperatorId());
        if (!onKey || operatorId == null || !issuing.add(chargePointId)) {
            return;
        }
        issue(chargePointId, operatorId)
                .onTermination().invoke(() -> issuing.remove(chargePointId))
                .subscribe().with(done -> { }, failure -> Log.warnf("Could not issue a password to %s: %s",
                        chargePointId, failure.toString()));
    }

    private Uni<Void> issue(String chargePointId, UUID operatorId) {
        String password = OcppPasswordHash.generatePassword();
        String hash = OcppPasswordHash.hashGenerated(password);
        ObjectNode payload = OcppJson.mapper().createObjectNode().put("key", AUTHORIZATION_KEY).put("value", password);
        String messageId = UUID.randomUUID().toString();
        return Uni.createFrom().voidItem().onItem().delayIt().by(AFTER_BOOT)
                .chain(() -> sender.send(chargePointId, messageId, "ChangeConfiguration", payload,
                        clock.instant().plus(timeout)))
                .chain(outcome -> {
                    Instant at = clock.instant();
                    Optional<String> refusal = refusalOf(outcome);
                    meters.counter("ocpp.charger.passwords", "outcome", refusal.isEmpty() ? "issued" : "refused")
                            .increment();
                    if (refusal.isPresent()) {
                        Log.infof("Charger %s did not take a password of its own: %s", chargePointId, refusal.get());
                        return publisher.publish(EventIds.nameBased(chargePointId, messageId, "charger-password-refused"),
                                new ChargerPasswordRefused(chargePointId, refusal.get(), at), at);
                    }
                    // remembered before it is published: the charger reconnects with it at once
                    issued.confirmed(chargePointId, operatorId, hash);
                    Log.infof("Charger %s accepted a password of its own", chargePointId);
                    return publisher.publish(EventIds.nameBased(chargePointId, messageId, "charger-password-issued"),
                                    new ChargerPasswordIssued(chargePointId, operatorId, hash, at), at)
                            .onFailure().retry().withBackOff(Duration.ofSeconds(1)).atMost(PUBLISH_ATTEMPTS);
                });
    }

    /** Why the charger has no password of its own after this answer; empty when it accepted. */
    static Optional<String> refusalOf(CallOutcome outcome) {
        return switch (outcome.outcome()) {
            case ANSWERED -> {
                String status = outcome.response() == null ? "" : outcome.response().path("status").asText();
                yield "Accepted".equals(status) ? Optional.empty()
                        : Optional.of("ChangeConfiguration " + AUTHORIZATION_KEY + " answered " + status);
            }
            case CALL_ERROR -> Optional.of("ChangeConfiguration " + AUTHORIZATION_KEY + " answered CALLERROR "
                    + outcome.errorCode());
            case TIMED_OUT -> Optional.of("No answer to ChangeConfiguration " + AUTHORIZATION_KEY + " in time");
            case NOT_CONNECTED -> Optional.of("Disconnected before it answered ChangeConfiguration " + AUTHORIZATION_KEY);
            case REFUSED -> Optional.of("ChangeConfiguration " + AUTHORIZATION_KEY + " was refused before it was sent");
        };
    }
}
