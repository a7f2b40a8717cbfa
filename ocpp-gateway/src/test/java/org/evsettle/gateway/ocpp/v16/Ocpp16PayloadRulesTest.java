package org.evsettle.gateway.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.evsettle.gateway.ocpp.ErrorCode;
import org.evsettle.gateway.ocpp.OcppError;
import org.evsettle.gateway.ocpp.OcppJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Ocpp16PayloadRulesTest {

    private final Ocpp16PayloadRules rules = new Ocpp16PayloadRules();

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) OcppJson.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static Stream<Arguments> validPayloads() {
        return Stream.of(
                Arguments.of("BootNotification", "{'chargePointVendor':'Zaptec','chargePointModel':'Go2','firmwareVersion':'3.2.1.0'}"),
                Arguments.of("Heartbeat", "{}"),
                Arguments.of("StatusNotification", "{'connectorId':1,'errorCode':'NoError','status':'Charging','timestamp':'2026-03-29T00:45:00Z'}"),
                Arguments.of("Authorize", "{'idTag':'04A2B3C4D5E680'}"),
                Arguments.of("StartTransaction", "{'connectorId':1,'idTag':'04A2B3C4D5E680','meterStart':12345678901,'timestamp':'2026-03-29T02:45:00+02:00'}"),
                Arguments.of("MeterValues", "{'connectorId':1,'transactionId':42,'meterValue':[{'timestamp':'2026-03-29T01:00:00.123Z','sampledValue':[{'value':'7.4','measurand':'Power.Active.Import','unit':'kW','phase':'L1'}]}]}"),
                Arguments.of("StopTransaction", "{'transactionId':42,'meterStop':1246340,'timestamp':'2026-03-29T02:15:30Z','reason':'EVDisconnected','transactionData':[]}"),
                Arguments.of("StopTransaction", "{'transactionId':42,'meterStop':1246340,'timestamp':'2026-03-29T02:15:30Z','idTag':null}"));
    }

    @ParameterizedTest
    @MethodSource("validPayloads")
    void acceptsPayloadsAsTheSpecificationWritesThem(String action, String payload) {
        assertThatCode(() -> rules.validate(action, json(payload))).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidPayloads() {
        return Stream.of(
                Arguments.of("StartTransaction", "{'connectorId':1,'idTag':'X','timestamp':'2026-03-29T00:45:00Z'}",
                        ErrorCode.FormationViolation, "meterStart"),
                Arguments.of("StartTransaction", "{'connectorId':'one','idTag':'X','meterStart':0,'timestamp':'2026-03-29T00:45:00Z'}",
                        ErrorCode.TypeConstraintViolation, "connectorId"),
                Arguments.of("StartTransaction", "{'connectorId':1.5,'idTag':'X','meterStart':0,'timestamp':'2026-03-29T00:45:00Z'}",
                        ErrorCode.TypeConstraintViolation, "connectorId"),
                Arguments.of("StartTransaction", "{'connectorId':1,'idTag':'X','meterStart':0,'timestamp':'yesterday'}",
                        ErrorCode.PropertyConstraintViolation, "timestamp"),
                Arguments.of("StartTransaction", "{'connectorId':1,'idTag':'X','meterStart':0,'timestamp':'2026-03-29T00:45:00'}",
                        ErrorCode.PropertyConstraintViolation, "timestamp"),
                Arguments.of("Authorize", "{'idTag':'0123456789ABCDEF01234'}",
                        ErrorCode.PropertyConstraintViolation, "idTag"),
                Arguments.of("Authorize", "{'idTag':null}", ErrorCode.FormationViolation, "idTag"),
                Arguments.of("StatusNotification", "{'connectorId':1,'errorCode':'NoError','status':'Sleeping'}",
                        ErrorCode.PropertyConstraintViolation, "status"),
                Arguments.of("StopTransaction", "{'transactionId':1,'meterStop':5,'timestamp':'2026-03-29T00:45:00Z','reason':'Bored'}",
                        ErrorCode.PropertyConstraintViolation, "reason"),
                Arguments.of("MeterValues", "{'connectorId':1,'meterValue':[]}",
                        ErrorCode.PropertyConstraintViolation, "meterValue"),
                Arguments.of("MeterValues", "{'connectorId':1,'meterValue':[{'timestamp':'2026-03-29T01:00:00Z','sampledValue':[{'unit':'Wh'}]}]}",
                        ErrorCode.FormationViolation, "meterValue[0].sampledValue[0].value"),
                Arguments.of("MeterValues", "{'connectorId':1,'meterValue':[{'timestamp':'2026-03-29T01:00:00Z','sampledValue':[{'value':12}]}]}",
                        ErrorCode.TypeConstraintViolation, "meterValue[0].sampledValue[0].value"),
                Arguments.of("MeterValues", "{'connectorId':1,'meterValue':{'timestamp':'2026-03-29T01:00:00Z'}}",
                        ErrorCode.TypeConstraintViolation, "meterValue"),
                Arguments.of("BootNotification", "{'chargePointVendor':'Zaptec'}",
                        ErrorCode.FormationViolation, "chargePointModel"));
    }

    @ParameterizedTest
    @MethodSource("invalidPayloads")
    void refusesABrokenPayloadNamingTheField(String action, String payload, ErrorCode code, String field) {
        assertThatThrownBy(() -> rules.validate(action, json(payload)))
                .isInstanceOfSatisfying(OcppError.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(field);
                });
    }

    @Test
    void knowsEveryActionTheGatewayHandles() {
        assertThat(rules.actions()).containsExactlyInAnyOrder("BootNotification",
                "Heartbeat", "StatusNotification", "Authorize", "StartTransaction", "MeterValues", "StopTransaction");
    }
}
