package org.evsettle.gateway.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evsettle.gateway.Admission;
import org.evsettle.gateway.configuration.KeyOutcome.Result;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.OcppJson;
import org.jboss.logging.Logger;

/**
 * Configures an OCPP 1.6 charger for billing after an accepted boot, when and with the wanted values that
 * {@link BootConfiguration} says: reads its configuration (GetConfiguration, all keys) and sends
 * ChangeConfiguration only for the keys that differ, one at a time. A value the charger refused (Rejected,
 * NotSupported) is remembered in {@link ConfigurationOutcomes} and not sent again until the wanted value changes;
 * RebootRequired is reported, never followed by a Reset; no answer is tried again at the next boot.
 */
@ApplicationScoped
public class ChargerConfigurator {

    private static final BootConfiguration.Wording WORDING = new BootConfiguration.Wording(
            Logger.getLogger(ChargerConfigurator.class), "Could not configure %s for billing: %s",
            "Charger %s checked against profile %s: %s", "Charger %s configured by profile %s: %s");

    private final BootConfiguration boot;

    ChargerConfigurator(BootConfiguration boot) {
        this.boot = boot;
    }

    /** Called once a boot was answered Accepted, with what the BootNotification said. */
    public void booted(Admission admission, String vendor, String model, String firmwareVersion) {
        boot.booted(admission.chargePointId(), vendor, model, firmwareVersion, WORDING, this::configure);
    }

    private Uni<List<KeyOutcome>> configure(String chargePointId, ChargerProfile profile, Map<BillingKey, String> wanted) {
        return boot.afterBoot(chargePointId, "GetConfiguration", OcppJson.mapper().createObjectNode())
                .map(answer -> plan(chargePointId, profile, wanted, answer))
                .chain(plan -> Multi.createFrom().iterable(plan)
                        .onItem().transformToUniAndConcatenate(step -> step.decided != null
                                ? Uni.createFrom().item(step.decided) : change(chargePointId, profile, step))
                        .collect().asList());
    }

    /** A key of the plan: decided without a ChangeConfiguration, or the value to send. */
    private record Step(BillingKey key, String wanted, String reported, String toSend, Instant checkedAt,
                        KeyOutcome decided) {
    }

    private List<Step> plan(String chargePointId, ChargerProfile profile, Map<BillingKey, String> wanted,
                            CallOutcome answer) {
        Map<String, KeyOutcome> before = boot.before(chargePointId);
        Instant now = boot.now();
        List<Step> plan = new ArrayList<>();
        Optional<String> unread = BootConfiguration.failureOf(answer).map(reason -> "GetConfiguration: " + reason);
        Map<String, Reported> reported = unread.isPresent() ? Map.of() : reported(answer.response());
        wanted.forEach((key, value) -> {
            KeyOutcome prior = before.get(key.ocpp());
            boolean refusedBefore = BootConfiguration.refusedBefore(prior, value);
            Instant sentBefore = BootConfiguration.sentBefore(prior, value);
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
        return boot.call(chargePointId, "ChangeConfiguration", payload)
                .map(answer -> {
                    Instant sentAt = step.checkedAt();
                    Optional<String> failure = BootConfiguration.failureOf(answer);
                    if (failure.isPresent()) {
                        return outcome(step.key(), profile, step.wanted(), step.reported(), Result.NO_ANSWER,
                                failure.get(), step.checkedAt(), sentAt);
                    }
                    String status = answer.response().path("status").asText();
                    Result result = BootConfiguration.changed(status);
                    String detail = switch (result) {
                        case REBOOT_REQUIRED -> "In force after the charger's next reboot; no Reset is sent";
                        case NOT_SUPPORTED -> "Answered " + status;
                        default -> null;
                    };
                    return outcome(step.key(), profile, step.wanted(), step.reported(), result, detail,
                            step.checkedAt(), sentAt);
                });
    }

    private static KeyOutcome outcome(BillingKey key, ChargerProfile profile, String wanted, String reported,
                                      Result result, String detail, Instant checkedAt, Instant sentAt) {
        return new KeyOutcome(key.ocpp(), profile.name(), wanted, reported, result, detail, checkedAt, sentAt);
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
