package org.evsettle.gateway.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evsettle.gateway.configuration.KeyOutcome.Result;
import org.evsettle.gateway.configuration.StationConfigurator.Step;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.OcppJson;
import org.evsettle.gateway.ocpp.v201.Ocpp201Schemas;
import org.junit.jupiter.api.Test;

/** The 2.0.1 billing configuration's decisions: what GetVariables reads, what SetVariables sets, how each ends. */
class StationConfiguratorTest {

    private static final Instant NOW = Instant.parse("2026-12-04T19:00:00Z");
    private static final Instant LAST_BOOT = Instant.parse("2026-12-01T08:00:00Z");

    private final Map<StationVariable, String> wanted = StationConfigurator.wanted(new LinkedHashMap<>(Map.of(
            BillingKey.METER_VALUE_SAMPLE_INTERVAL, "60",
            BillingKey.METER_VALUES_SAMPLED_DATA, "Energy.Active.Import.Register",
            BillingKey.HEARTBEAT_INTERVAL, "300",
            BillingKey.AUTHORIZE_REMOTE_TX_REQUESTS, "true")));

    @Test
    void readsEveryWantedVariableAndSetsOnlyTheOnesThatDiffer() {
        assertThat(StationConfigurator.getVariables(wanted.keySet()).get("getVariableData")).hasSize(4);
        Ocpp201Schemas.request("GetVariables").orElseThrow().validate(StationConfigurator.getVariables(wanted.keySet()));

        List<Step> plan = StationConfigurator.plan("generic", wanted, answered("getVariableResult",
                result("SampledDataCtrlr", "TxUpdatedInterval", "Accepted", "0"),
                result("SampledDataCtrlr", "TxUpdatedMeasurands", "Accepted", "Power.Active.Import"),
                result("OCPPCommCtrlr", "HeartbeatInterval", "Accepted", "300"),
                result("AuthCtrlr", "AuthorizeRemoteStart", "UnknownVariable", null)), Map.of(), NOW);

        assertThat(plan).filteredOn(step -> step.decided() == null).extracting(Step::variable, Step::toSend)
                .containsExactlyInAnyOrder(
                        tuple(StationVariable.TX_UPDATED_INTERVAL, "60"),
                        tuple(StationVariable.TX_UPDATED_MEASURANDS,
                                "Power.Active.Import,Energy.Active.Import.Register"));
        assertThat(decided(plan, StationVariable.HEARTBEAT_INTERVAL).result()).isEqualTo(Result.UNCHANGED);
        assertThat(decided(plan, StationVariable.AUTHORIZE_REMOTE_START).result()).isEqualTo(Result.NOT_SUPPORTED);
        JsonNode set = StationConfigurator.setVariables(plan.stream().filter(step -> step.decided() == null).toList());
        Ocpp201Schemas.request("SetVariables").orElseThrow().validate(set);
        assertThat(set.get("setVariableData").get(0).get("component").get("name").asText()).isEqualTo("SampledDataCtrlr");
    }

    @Test
    void mapsEverySetVariablesStatusOntoTheResultNamesOfOneSix() {
        Map<StationVariable, String> all = StationConfigurator.wanted(new LinkedHashMap<>(Map.of(
                BillingKey.METER_VALUE_SAMPLE_INTERVAL, "60", BillingKey.METER_VALUES_SAMPLED_DATA, "Energy.Active.Import.Register",
                BillingKey.STOP_TXN_SAMPLED_DATA, "Energy.Active.Import.Register", BillingKey.HEARTBEAT_INTERVAL, "300",
                BillingKey.AUTHORIZE_REMOTE_TX_REQUESTS, "true", BillingKey.LOCAL_PRE_AUTHORIZE, "false")));
        List<Step> plan = StationConfigurator.plan("generic", all, answered("getVariableResult",
                result("SampledDataCtrlr", "TxUpdatedInterval", "Accepted", "0"),
                result("SampledDataCtrlr", "TxUpdatedMeasurands", "Accepted", ""),
                result("SampledDataCtrlr", "TxEndedMeasurands", "Accepted", ""),
                result("OCPPCommCtrlr", "HeartbeatInterval", "Accepted", "86400"),
                result("AuthCtrlr", "AuthorizeRemoteStart", "Accepted", "false"),
                result("AuthCtrlr", "LocalPreAuthorize", "Accepted", "true")), Map.of(), NOW);

        List<KeyOutcome> outcomes = StationConfigurator.settle(plan, answered("setVariableResult",
                result("SampledDataCtrlr", "TxUpdatedInterval", "Accepted", null),
                result("SampledDataCtrlr", "TxUpdatedMeasurands", "RebootRequired", null),
                result("SampledDataCtrlr", "TxEndedMeasurands", "Rejected", null),
                result("OCPPCommCtrlr", "HeartbeatInterval", "UnknownComponent", null),
                result("AuthCtrlr", "AuthorizeRemoteStart", "NotSupportedAttributeType", null)));

        assertThat(outcomes).extracting(KeyOutcome::key, KeyOutcome::result).containsExactlyInAnyOrder(
                tuple("SampledDataCtrlr.TxUpdatedInterval", Result.ACCEPTED),
                tuple("SampledDataCtrlr.TxUpdatedMeasurands", Result.REBOOT_REQUIRED),
                tuple("SampledDataCtrlr.TxEndedMeasurands", Result.REJECTED),
                tuple("OCPPCommCtrlr.HeartbeatInterval", Result.NOT_SUPPORTED),
                tuple("AuthCtrlr.AuthorizeRemoteStart", Result.NOT_SUPPORTED),
                tuple("AuthCtrlr.LocalPreAuthorize", Result.NO_ANSWER));
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.sentAt()).isEqualTo(NOW));
    }

    @Test
    void doesNotSendAValueTheStationRefusedBeforeUntilTheWantedValueChanges() {
        KeyOutcome refused = new KeyOutcome("SampledDataCtrlr.TxUpdatedInterval", "generic", "60", "0", Result.REJECTED,
                null, LAST_BOOT, LAST_BOOT);
        Map<StationVariable, String> interval = Map.of(StationVariable.TX_UPDATED_INTERVAL, "60");
        CallOutcome stillZero = answered("getVariableResult", result("SampledDataCtrlr", "TxUpdatedInterval", "Accepted", "0"));

        Step same = StationConfigurator.plan("generic", interval, stillZero, Map.of(refused.key(), refused), NOW).get(0);
        Step changed = StationConfigurator.plan("generic", Map.of(StationVariable.TX_UPDATED_INTERVAL, "30"), stillZero,
                Map.of(refused.key(), refused), NOW).get(0);

        assertThat(same.decided()).isNotNull();
        assertThat(same.decided().result()).isEqualTo(Result.REJECTED);
        assertThat(same.decided().sentAt()).isEqualTo(LAST_BOOT);
        assertThat(changed.decided()).isNull();
    }

    @Test
    void recordsNoAnswerForEveryVariableWhenGetVariablesGoesUnanswered() {
        List<Step> plan = StationConfigurator.plan("generic", wanted, CallOutcome.timedOut("late"), Map.of(), NOW);

        assertThat(StationConfigurator.settle(plan, null)).hasSize(4)
                .allSatisfy(outcome -> assertThat(outcome.result()).isEqualTo(Result.NO_ANSWER));
    }

    private static KeyOutcome decided(List<Step> plan, StationVariable variable) {
        return plan.stream().filter(step -> step.variable() == variable).findFirst().orElseThrow().decided();
    }

    private static CallOutcome answered(String field, JsonNode... results) {
        var response = OcppJson.mapper().createObjectNode();
        var array = response.putArray(field);
        for (JsonNode result : results) {
            array.add(result);
        }
        return CallOutcome.answered(response);
    }

    private static JsonNode result(String component, String variable, String status, String value) {
        var result = OcppJson.mapper().createObjectNode().put("attributeStatus", status);
        result.putObject("component").put("name", component);
        result.putObject("variable").put("name", variable);
        if (value != null) {
            result.put("attributeValue", value);
        }
        return result;
    }
}
