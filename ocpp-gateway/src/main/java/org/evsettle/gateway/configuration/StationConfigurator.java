package org.evsettle.gateway.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.evsettle.gateway.EnrollmentPolicy;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.configuration.KeyOutcome.Result;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.CallSender;
import org.evsettle.gateway.ocpp.OcppJson;

/**
 * The billing configuration at boot for an OCPP 2.0.1 station: the same profiles and wanted values as for a
 * 1.6 charger ({@link ChargerConfigurator}), in device model terms ({@link StationVariable}). One GetVariables
 * reads them all, one SetVariables sets those that differ; each outcome goes to the same table under the same
 * result names, so the connection view shows it. A value the station refused (Rejected, or a component, variable
 * or attribute it does not know) is not sent again until the wanted value changes; RebootRequired is reported,
 * no Reset follows; no answer is tried again at the next boot. No profile sets clock-aligned data, so
 * AlignedDataCtrlr is left as the station has it.
 */
@ApplicationScoped
public class StationConfigurator {

    /** The boot's answer goes out first. */
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

    public StationConfigurator(GatewaySettings settings, ChargerProfiles profiles, ConfigurationOutcomes outcomes,
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

    /**
     * Called once a 2.0.1 station's BootNotification was answered Accepted, with what it said of itself
     * (chargingStation.vendorName, model, firmwareVersion). Returns at once; the CALLs go out in the background.
     */
    public void configureStation(String chargePointId, String vendor, String model, String firmwareVersion) {
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
        Map<StationVariable, String> wanted = wanted(profile.get().wanted(settings, heartbeat));
        configure(chargePointId, profile.get().name(), wanted)
                .onTermination().invoke(() -> configuring.remove(chargePointId))
                .subscribe().with(done -> { }, failure -> Log.warnf("Could not configure station %s for billing: %s",
                        chargePointId, failure.toString()));
    }

    /** The profile's wanted 1.6 keys as station variables, in the profile's order. */
    static Map<StationVariable, String> wanted(Map<BillingKey, String> keys) {
        Map<StationVariable, String> wanted = new LinkedHashMap<>();
        keys.forEach((key, value) -> wanted.put(StationVariable.of(key), value));
        return wanted;
    }

    private Uni<List<KeyOutcome>> configure(String chargePointId, String profile, Map<StationVariable, String> wanted) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(AFTER_BOOT)
                .chain(() -> sender.send(chargePointId, UUID.randomUUID().toString(), "GetVariables",
                        getVariables(wanted.keySet()), clock.instant().plus(timeout)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(answer -> plan(profile, wanted, answer, outcomes.of(chargePointId), clock.instant()))
                .chain(plan -> {
                    List<Step> toSet = plan.stream().filter(step -> step.decided() == null).toList();
                    if (toSet.isEmpty()) {
                        return Uni.createFrom().item(settle(plan, null));
                    }
                    return sender.send(chargePointId, UUID.randomUUID().toString(), "SetVariables",
                                    setVariables(toSet), clock.instant().plus(timeout))
                            .map(answer -> settle(plan, answer));
                })
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(done -> {
                    outcomes.replace(chargePointId, done);
                    done.forEach(outcome -> meters.counter("ocpp.charger.configuration.keys",
                            "result", outcome.result().name()).increment());
                    Map<Result, Long> results = done.stream()
                            .collect(Collectors.groupingBy(KeyOutcome::result, TreeMap::new, Collectors.counting()));
                    Log.debugf("Station %s checked against profile %s: %s", chargePointId, profile, results);
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
        Optional<String> unread = failureOf(answer).map(reason -> "GetVariables: " + reason);
        Map<StationVariable, JsonNode> results = unread.isPresent() ? Map.of() : results(answer.response(),
                "getVariableResult");
        List<Step> plan = new ArrayList<>();
        wanted.forEach((variable, value) -> {
            KeyOutcome prior = before.get(variable.qualifiedName());
            boolean refusedBefore = prior != null && prior.result().isRefusal() && prior.sentAt() != null
                    && prior.wantedValue().equals(value);
            Instant sentBefore = prior != null && prior.wantedValue().equals(value) ? prior.sentAt() : null;
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
        Optional<String> failure = answer == null ? Optional.empty() : failureOf(answer).map(reason -> "SetVariables: "
                + reason);
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
            Result outcome = switch (status) {
                case "Accepted" -> Result.ACCEPTED;
                case "RebootRequired" -> Result.REBOOT_REQUIRED;
                case "Rejected" -> Result.REJECTED;
                default -> Result.NOT_SUPPORTED; // UnknownComponent, UnknownVariable, NotSupportedAttributeType
            };
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

    /** Why a CALL has no usable answer; empty when the station answered. */
    private static Optional<String> failureOf(CallOutcome outcome) {
        return switch (outcome.outcome()) {
            case ANSWERED -> outcome.response() == null ? Optional.of("an empty answer") : Optional.empty();
            case CALL_ERROR -> Optional.of("answered CALLERROR " + outcome.errorCode());
            case TIMED_OUT -> Optional.of("no answer in time");
            case NOT_CONNECTED -> Optional.of("disconnected before it answered");
            case REFUSED -> Optional.of("not sent");
        };
    }
}
