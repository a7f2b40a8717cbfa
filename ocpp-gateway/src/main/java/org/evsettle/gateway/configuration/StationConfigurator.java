package org.evsettle.gateway.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evsettle.gateway.configuration.KeyOutcome.Result;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.OcppJson;
import org.jboss.logging.Logger;

/**
 * The billing configuration at boot for an OCPP 2.0.1 station: the same profiles and wanted values as for a
 * 1.6 charger ({@link BootConfiguration}), in device model terms ({@link StationVariable}). One GetVariables
 * reads them all, one SetVariables sets those that differ; each outcome goes to the same table under the same
 * result names, so the connection view shows it. A value the station refused (Rejected, or a component, variable
 * or attribute it does not know) is not sent again until the wanted value changes; RebootRequired is reported,
 * no Reset follows; no answer is tried again at the next boot. No profile sets clock-aligned data, so
 * AlignedDataCtrlr is left as the station has it.
 */
@ApplicationScoped
public class StationConfigurator {

    private static final BootConfiguration.Wording WORDING = new BootConfiguration.Wording(
            Logger.getLogger(StationConfigurator.class), "Could not configure station %s for billing: %s",
            "Station %s checked against profile %s: %s", null);

    private final BootConfiguration boot;

    StationConfigurator(BootConfiguration boot) {
        this.boot = boot;
    }

    /**
     * Called once a 2.0.1 station's BootNotification was answered Accepted, with what it said of itself
     * (chargingStation.vendorName, model, firmwareVersion). Returns at once; the CALLs go out in the background.
     */
    public void configureStation(String chargePointId, String vendor, String model, String firmwareVersion) {
        boot.booted(chargePointId, vendor, model, firmwareVersion, WORDING,
                (station, profile, keys) -> configure(station, profile.name(), wanted(keys)));
    }

    /** The profile's wanted 1.6 keys as station variables, in the profile's order. */
    static Map<StationVariable, String> wanted(Map<BillingKey, String> keys) {
        Map<StationVariable, String> wanted = new LinkedHashMap<>();
        keys.forEach((key, value) -> wanted.put(StationVariable.of(key), value));
        return wanted;
    }

    private Uni<List<KeyOutcome>> configure(String chargePointId, String profile, Map<StationVariable, String> wanted) {
        return boot.afterBoot(chargePointId, "GetVariables", getVariables(wanted.keySet()))
                .map(answer -> plan(profile, wanted, answer, boot.before(chargePointId), boot.now()))
                .chain(plan -> {
                    List<Step> toSet = plan.stream().filter(step -> step.decided() == null).toList();
                    if (toSet.isEmpty()) {
                        return Uni.createFrom().item(settle(plan, null));
                    }
                    return boot.call(chargePointId, "SetVariables", setVariables(toSet))
                            .map(answer -> settle(plan, answer));
                });
    }

    /** A variable of the plan: decided without SetVariables, or the value to set. */
    record Step(StationVariable variable, String profile, String wanted, String reported, String toSend,
                Instant checkedAt, KeyOutcome decided) {
    }

    /** GetVariables for every wanted variable (the Actual attribute, the default). */
    static ObjectNode getVariables(Iterable<StationVariable> variables) {
        ObjectNode payload = OcppJson.mapper().createObjectNode();
        ArrayNode data = payload.putArray("getVariableData");
        variables.forEach(variable -> data.add(named(variable)));
        return payload;
    }

    /** SetVariables of each step's value. */
    static ObjectNode setVariables(List<Step> steps) {
        ObjectNode payload = OcppJson.mapper().createObjectNode();
        ArrayNode data = payload.putArray("setVariableData");
        steps.forEach(step -> data.add(named(step.variable()).put("attributeValue", step.toSend())));
        return payload;
    }

    private static ObjectNode named(StationVariable variable) {
        ObjectNode entry = OcppJson.mapper().createObjectNode();
        entry.putObject("component").put("name", variable.component());
        entry.putObject("variable").put("name", variable.variable());
        return entry;
    }

    /**
     * What the GetVariables answer decides per variable, given the outcomes of the last boot: UNCHANGED where the
     * station has the wanted value, NOT_SUPPORTED or REJECTED where it cannot read it, the remembered refusal of this
     * same value, NO_ANSWER for all when it did not answer; the rest is to be set.
     */
    static List<Step> plan(String profile, Map<StationVariable, String> wanted, CallOutcome answer,
                           Map<String, KeyOutcome> before, Instant now) {
        Optional<String> unread = BootConfiguration.failureOf(answer).map(reason -> "GetVariables: " + reason);
        Map<StationVariable, JsonNode> results = unread.isPresent() ? Map.of() : results(answer.response(),
                "getVariableResult");
        List<Step> plan = new ArrayList<>();
        wanted.forEach((variable, value) -> {
            KeyOutcome prior = before.get(variable.qualifiedName());
            boolean refusedBefore = BootConfiguration.refusedBefore(prior, value);
            Instant sentBefore = BootConfiguration.sentBefore(prior, value);
            JsonNode result = results.get(variable);
            String status = result == null ? null : result.path("attributeStatus").asText();
            String reported = result != null && result.hasNonNull("attributeValue")
                    ? result.get("attributeValue").asText() : null;
            KeyOutcome decided;
            if (unread.isPresent()) {
                decided = refusedBefore ? again(prior, null, now)
                        : outcome(variable, profile, value, null, Result.NO_ANSWER, unread.get(), now, sentBefore);
            } else if (result == null) {
                decided = outcome(variable, profile, value, null, Result.NOT_SUPPORTED,
                        "Not among the variables the station answered", now, refusedBefore ? prior.sentAt() : null);
            } else if (!"Accepted".equals(status)) {
                decided = outcome(variable, profile, value, null, "Rejected".equals(status) ? Result.REJECTED
                        : Result.NOT_SUPPORTED, "GetVariables answered " + status, now,
                        refusedBefore ? prior.sentAt() : null);
            } else if (variable.key().satisfiedBy(reported, value)) {
                decided = outcome(variable, profile, value, reported, Result.UNCHANGED, null, now, sentBefore);
            } else if (refusedBefore) {
                decided = again(prior, reported, now);
            } else {
                decided = null;
            }
            plan.add(new Step(variable, profile, value, reported, variable.key().toSend(reported, value), now, decided));
        });
        return plan;
    }

    /** The outcomes of a plan once SetVariables answered (null: nothing was set). */
    static List<KeyOutcome> settle(List<Step> plan, CallOutcome answer) {
        Optional<String> failure = answer == null ? Optional.empty()
                : BootConfiguration.failureOf(answer).map(reason -> "SetVariables: " + reason);
        Map<StationVariable, JsonNode> results = answer == null || failure.isPresent() ? Map.of()
                : results(answer.response(), "setVariableResult");
        List<KeyOutcome> settled = new ArrayList<>();
        for (Step step : plan) {
            if (step.decided() != null) {
                settled.add(step.decided());
                continue;
            }
            Instant sentAt = step.checkedAt();
            JsonNode result = results.get(step.variable());
            if (failure.isPresent() || result == null) {
                settled.add(outcome(step.variable(), step.profile(), step.wanted(), step.reported(), Result.NO_ANSWER,
                        failure.orElse("SetVariables: no result for it"), step.checkedAt(), sentAt));
                continue;
            }
            String status = result.path("attributeStatus").asText();
            Result outcome = BootConfiguration.changed(status);
            String detail = switch (outcome) {
                case REBOOT_REQUIRED -> "In force after the station's next reboot; no Reset is sent";
                case NOT_SUPPORTED -> "Answered " + status;
                default -> null;
            };
            settled.add(outcome(step.variable(), step.profile(), step.wanted(), step.reported(), outcome, detail,
                    step.checkedAt(), sentAt));
        }
        return settled;
    }

    /** A refusal remembered: kept, not sent again. */
    private static KeyOutcome again(KeyOutcome prior, String reported, Instant now) {
        return new KeyOutcome(prior.key(), prior.profile(), prior.wantedValue(), reported, prior.result(),
                "Refused before: not sent again until the wanted value changes", now, prior.sentAt());
    }

    private static KeyOutcome outcome(StationVariable variable, String profile, String wanted, String reported,
                                      Result result, String detail, Instant checkedAt, Instant sentAt) {
        return new KeyOutcome(variable.qualifiedName(), profile, wanted, reported, result, detail, checkedAt, sentAt);
    }

    /** The results of a GetVariables or SetVariables answer by variable (those on an EVSE or instance left out). */
    private static Map<StationVariable, JsonNode> results(JsonNode response, String field) {
        Map<StationVariable, JsonNode> results = new HashMap<>();
        response.path(field).forEach(result -> {
            JsonNode component = result.path("component");
            JsonNode variable = result.path("variable");
            if (component.has("evse") || component.has("instance") || variable.has("instance")) {
                return;
            }
            StationVariable.named(component.path("name").asText(), variable.path("name").asText())
                    .ifPresent(known -> results.put(known, result));
        });
        return results;
    }
}
