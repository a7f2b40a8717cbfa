package org.evsettle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
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
 * (OCPP 1.6 security extension), or to an OCPP 2.0.1 station SetVariables {@code SecurityCtrlr.BasicAuthPassword}
 * (its 16 to 40 characters fit the 40 hex digits). When the charger accepts (a station's RebootRequired too:
 * it connects with the new password after its reboot), the hash (never the password) is remembered
 * ({@link IssuedPasswords}) and published as {@code ChargerPasswordIssued}, acknowledged by Kafka, for
 * user-service to store; any other answer (Rejected, NotSupported, a CALLERROR, none in time) is
 * published as {@code ChargerPasswordRefused} with the reason, and the next boot tries again. Outcomes
 * are counted in {@code ocpp_charger_passwords_total{outcome}} (issued, refused).
 */
@ApplicationScoped
public class PasswordIssuer {

    public static final String AUTHORIZATION_KEY = "AuthorizationKey";
    /** OCPP 2.0.1's device model variable that holds the station's HTTP Basic password. */
    public static final String BASIC_AUTH_PASSWORD = "SecurityCtrlr.BasicAuthPassword";
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

    /** Called once a 1.6 boot was answered Pending or Accepted: issues a password when the charger still uses the key. */
    public void booted(Admission admission) {
        booted(admission, PasswordChange.OCPP16);
    }

    /** As {@link #booted(Admission)}, with the OCPP version's way of setting the password. */
    public void booted(Admission admission, PasswordChange change) {
        String chargePointId = admission.chargePointId();
        Optional<ChargerRecord> charger = enrollment.charger(chargePointId);
        boolean onKey = charger.map(ChargerRecord::onEnrollmentKey).orElse(admission.enrolling());
        UUID operatorId = charger.map(ChargerRecord::operatorId).orElse(admission.enrollmentOperatorId());
        if (!onKey || operatorId == null || !issuing.add(chargePointId)) {
            return;
        }
        issue(chargePointId, operatorId, change)
                .onTermination().invoke(() -> issuing.remove(chargePointId))
                .subscribe().with(done -> { }, failure -> Log.warnf("Could not issue a password to %s: %s",
                        chargePointId, failure.toString()));
    }

    private Uni<Void> issue(String chargePointId, UUID operatorId, PasswordChange change) {
        String password = OcppPasswordHash.generatePassword();
        String hash = OcppPasswordHash.hashGenerated(password);
        String messageId = UUID.randomUUID().toString();
        return Uni.createFrom().voidItem().onItem().delayIt().by(AFTER_BOOT)
                .chain(() -> sender.send(chargePointId, messageId, change.action(), change.payload(password),
                        clock.instant().plus(timeout)))
                .chain(outcome -> {
                    Instant at = clock.instant();
                    Optional<String> refusal = refusalOf(outcome, change);
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

    /** How an OCPP version sets a charger's password: the CALL, its payload, and what an answer says. */
    public enum PasswordChange {
        OCPP16("ChangeConfiguration " + AUTHORIZATION_KEY) {
            @Override
            String action() {
                return "ChangeConfiguration";
            }

            @Override
            ObjectNode payload(String password) {
                return OcppJson.mapper().createObjectNode().put("key", AUTHORIZATION_KEY).put("value", password);
            }

            @Override
            String status(JsonNode response) {
                return response.path("status").asText();
            }
        },
        OCPP201("SetVariables " + BASIC_AUTH_PASSWORD) {
            @Override
            String action() {
                return "SetVariables";
            }

            @Override
            ObjectNode payload(String password) {
                ObjectNode payload = OcppJson.mapper().createObjectNode();
                ObjectNode data = payload.putArray("setVariableData").addObject().put("attributeValue", password);
                data.putObject("component").put("name", "SecurityCtrlr");
                data.putObject("variable").put("name", "BasicAuthPassword");
                return payload;
            }

            @Override
            String status(JsonNode response) {
                String status = response.path("setVariableResult").path(0).path("attributeStatus").asText();
                return "RebootRequired".equals(status) ? "Accepted" : status;
            }
        };

        private final String described;

        PasswordChange(String described) {
            this.described = described;
        }

        abstract String action();

        abstract ObjectNode payload(String password);

        /** The answer's status, Accepted when the charger took the password. */
        abstract String status(JsonNode response);
    }

    /** Why the charger has no password of its own after this answer; empty when it accepted. */
    static Optional<String> refusalOf(CallOutcome outcome) {
        return refusalOf(outcome, PasswordChange.OCPP16);
    }

    static Optional<String> refusalOf(CallOutcome outcome, PasswordChange change) {
        String call = change.described;
        return switch (outcome.outcome()) {
            case ANSWERED -> {
                String status = outcome.response() == null ? "" : change.status(outcome.response());
                yield "Accepted".equals(status) ? Optional.empty() : Optional.of(call + " answered " + status);
            }
            case CALL_ERROR -> Optional.of(call + " answered CALLERROR " + outcome.errorCode());
            case TIMED_OUT -> Optional.of("No answer to " + call + " in time");
            case NOT_CONNECTED -> Optional.of("Disconnected before it answered " + call);
            case REFUSED -> Optional.of(call + " was refused before it was sent");
        };
    }
}
