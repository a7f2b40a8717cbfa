package org.evsettle.gateway.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.gateway.Admission;
import org.evsettle.gateway.EnrollmentPolicy;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.configuration.KeyOutcome.Result;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.CallSender;
import org.evsettle.gateway.ocpp.OcppJson;

/**
 * Configures a charger for billing after each accepted boot: reads its configuration (GetConfiguration,
 * all keys), compares it with what its {@link ChargerProfile} wants with its operator's
 * {@link ChargerSettings}, and sends ChangeConfiguration only for the keys that differ, one at a time.
 * A value the charger refused (Rejected, NotSupported) is remembered in {@link ConfigurationOutcomes} and not
 * sent again until the wanted value changes; RebootRequired is reported, never followed by a Reset; no
 * answer is tried again at the next boot. A charger still on its operator's enrollment key gets its own
 * password first ({@code PasswordIssuer}) and is configured when it boots again with it. Each key's outcome
 * is counted in {@code ocpp_charger_configuration_keys_total{result}}.
 */
@ApplicationScoped
public class ChargerConfigurator {

    /** The boot's answer goes out first, as for the password. */
    private static final Duration AFTER_BOOT = Duration.ofMillis(200);

    private final boolean enabled;
    private final ChargerProfiles profiles;
    private final ConfigurationOutcomes outcomes;
    private final EnrollmentPolicy enrollment;
    private final RegistryProjection registry;
    private final CallSender sender;
    private final Clock clock;
    private final Duration timeout;
    private final Duration heartbeat;
    private final MeterRegistry meters;
    private final Set<String> configuring = ConcurrentHashMap.newKeySet();

    public ChargerConfigurator(GatewaySettings settings, ChargerProfiles profiles, ConfigurationOutcomes outcomes,
                               EnrollmentPolicy enrollment, RegistryProjection registry, CallSender sender, Clock clock,
                               MeterRegistry meters) {
        this.enabled = settings.configureAtBoot();
        this.profiles = profiles;
        this.outcomes = outcomes;
        this.enrollment = enrollment;
        this.registry = registry;
        this.sender = sender;
        this.clock = clock;
        this.timeout = settings.commandTimeout();
        this.heartbeat = settings.heartbeatInterval();
        this.meters = meters;
    }

    /** Called once a boot was answered Accepted, with what the BootNotification said. */
    public void booted(Admission admission, String vendor, String model, String firmwareVersion) {
        String chargePointId = admission.chargePointId();
        Optional<ChargerRecord> charger = enrollment.charger(chargePointId);
        if (!enabled || charger.isEmpty() || charger.get().onEnrollmentKey()) {
            return; // on the key: the password comes first, the profile at the boot with the new password
        }
        Optional<ChargerProfile> profile = profiles.of(vendor, model, firmwareVersion);
        if (profile.isEmpty() || !configuring.add(chargePointId)) {
            return;
        }
        ChargerSettings settings = registry.operator(charger.get().operatorId()).map(OperatorRecord::chargerSettings)
                .orElse(ChargerSettings.DEFAULT);
        configure(chargePointId, profile.get(), profile.get().wanted(settings, heartbeat))
                .onTermination().invoke(() -> configuring.remove(chargePointId))
                .subscribe().with(done -> { }, failure -> Log.warnf("Could not configure %s for billing: %s",
                        chargePointId, failure.toString()));
    }

    private Uni<List<KeyOutcome>> configure(String chargePointId, ChargerProfile profile, Map<BillingKey, String> wanted) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(AFTER_BOOT)
                .chain(() -> sender.send(chargePointId, UUID.randomUUID().toString(), "GetConfiguration",
                        OcppJson.mapper().createObjectNode(), clock.instant().plus(timeout)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(answer -> plan(chargePointId, profile, wanted, answer))
                .chain(plan -> Multi.createFrom().iterable(plan)
                        .onItem().transformToUniAndConcatenate(step -> step.decided != null
                                ? Uni.createFrom().item(step.decided) : change(chargePointId, profile, step))
                        .collect().asList())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(done -> {
                    outcomes.replace(chargePointId, done);
                    done.forEach(outcome -> meters.counter("ocpp.charger.configuration.keys",
                            "result", outcome.result().name()).increment());
                    // INFO only when something was sent: an unchanged charger boots often and says nothing new
                    boolean sent = done.stream().anyMatch(outcome -> now(outcome));
                    Map<Result, Long> results = done.stream()
                            .collect(Collectors.groupingBy(KeyOutcome::result, TreeMap::new, Collectors.counting()));
                    if (sent) {
                        Log.infof("Charger %s configured by profile %s: %s", chargePointId, profile.name(), results);
                    } else {
                        Log.debugf("Charger %s checked against profile %s: %s", chargePointId, profile.name(), results);
                    }
                });
    }

    /** A key of the plan: decided without a ChangeConfiguration, or the value to send. */
    private record Step(BillingKey key, String wanted, String reported, String toSend, Instant checkedAt,
                        KeyOutcome decided) {
    }

    private List<Step> plan(String chargePointId, ChargerProfile profile, Map<BillingKey, String> wanted,
                            CallOutcome answer) {
        Map<String, KeyOutcome> before = outcomes.of(chargePointId);
        Instant now = clock.instant();
        List<Step> plan = new ArrayList<>();
        Optional<String> unread = failureOf(answer).map(reason -> "GetConfiguration: " + reason);
        Map<String, Reported> reported = unread.isPresent() ? Map.of() : reported(answer.response());
        wanted.forEach((key, value) -> {
            KeyOutcome prior = before.get(key.ocpp());
            boolean refusedBefore = prior != null && prior.result().isRefusal() && prior.sentAt() != null
                    && prior.wantedValue().equals(value);
            Instant sentBefore = prior != null && prior.wantedValue().equals(value) ? prior.sentAt() : null;
            Reported current = reported.get(key.ocpp());
            String reportedValue = current == null ? null : current.value();
            KeyOutcome decided;
            if (unread.isPresent()) {
                decided = refusedBefore ? again(prior, null, now)
                        : outcome(key, profile, value, null, Result.NO_ANSWER, unread.get(), now, sentBefore);
            } else if (current == null) {
                decided = outcome(key, profile, value, null, Result.NOT_SUPPORTED,
                        "Not among the keys the charger reported", now, refusedBefore ? prior.sentAt() : null);
            } else if (key.satisfiedBy(reportedValue, value)) {
                decided = outcome(key, profile, value, reportedValue, Result.UNCHANGED, null, now, sentBefore);
            } else if (current.readonly()) {
                decided = outcome(key, profile, value, reportedValue, Result.REJECTED, "Read-only at the charger", now,
                        null);
            } else if (refusedBefore) {
                decided = again(prior, reportedValue, now);
            } else {
                decided = null;
            }
            plan.add(new Step(key, value, reportedValue, key.toSend(reportedValue, value), now, decided));
        });
        return plan;
    }

    /** A refusal remembered: kept, not sent again. */
    private static KeyOutcome again(KeyOutcome prior, String reportedValue, Instant now) {
        return new KeyOutcome(prior.key(), prior.profile(), prior.wantedValue(), reportedValue, prior.result(),
                "Answered " + (prior.result() == Result.REJECTED ? "Rejected" : "NotSupported")
                        + " before: not sent again until the wanted value changes", now, prior.sentAt());
    }

    private Uni<KeyOutcome> change(String chargePointId, ChargerProfile profile, Step step) {
        ObjectNode payload = OcppJson.mapper().createObjectNode().put("key", step.key().ocpp()).put("value", step.toSend());
        return sender.send(chargePointId, UUID.randomUUID().toString(), "ChangeConfiguration", payload,
                        clock.instant().plus(timeout))
                .map(answer -> {
                    Instant sentAt = step.checkedAt();
                    Optional<String> failure = failureOf(answer);
                    if (failure.isPresent()) {
                        return outcome(step.key(), profile, step.wanted(), step.reported(), Result.NO_ANSWER,
                                failure.get(), step.checkedAt(), sentAt);
                    }
                    String status = answer.response().path("status").asText();
                    Result result = switch (status) {
                        case "Accepted" -> Result.ACCEPTED;
                        case "RebootRequired" -> Result.REBOOT_REQUIRED;
                        case "Rejected" -> Result.REJECTED;
                        default -> Result.NOT_SUPPORTED;
                    };
                    String detail = switch (result) {
                        case REBOOT_REQUIRED -> "In force after the charger's next reboot; no Reset is sent";
                        case NOT_SUPPORTED -> "Answered " + status;
                        default -> null;
                    };
                    return outcome(step.key(), profile, step.wanted(), step.reported(), result, detail,
                            step.checkedAt(), sentAt);
                });
    }

    /** Whether this outcome comes from a ChangeConfiguration of this boot. */
    private static boolean now(KeyOutcome outcome) {
        return outcome.sentAt() != null && outcome.sentAt().equals(outcome.checkedAt());
    }

    private static KeyOutcome outcome(BillingKey key, ChargerProfile profile, String wanted, String reported,
                                      Result result, String detail, Instant checkedAt, Instant sentAt) {
        return new KeyOutcome(key.ocpp(), profile.name(), wanted, reported, result, detail, checkedAt, sentAt);
    }

    /** Why a CALL has no usable answer; empty when the charger answered. */
    private static Optional<String> failureOf(CallOutcome outcome) {
        return switch (outcome.outcome()) {
            case ANSWERED -> outcome.response() == null ? Optional.of("an empty answer") : Optional.empty();
            case CALL_ERROR -> Optional.of("answered CALLERROR " + outcome.errorCode());
            case TIMED_OUT -> Optional.of("no answer in time");
            case NOT_CONNECTED -> Optional.of("disconnected before it answered");
            case REFUSED -> Optional.of("not sent");
        };
    }

    private record Reported(String value, boolean readonly) {
    }

    private static Map<String, Reported> reported(JsonNode response) {
        Map<String, Reported> keys = new HashMap<>();
        response.path("configurationKey").forEach(entry -> keys.put(entry.path("key").asText(),
                new Reported(entry.hasNonNull("value") ? entry.get("value").asText() : null,
                        entry.path("readonly").asBoolean(false))));
        return keys;
    }
}
