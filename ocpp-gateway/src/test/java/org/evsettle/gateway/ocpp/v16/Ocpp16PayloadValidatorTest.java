package org.evsettle.gateway.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.evsettle.gateway.ocpp.ErrorCode;
import org.evsettle.gateway.ocpp.OcppError;
import org.evsettle.gateway.ocpp.OcppJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every charger message against the official OCPP 1.6 schemas, with the CALLERROR code each violation gets. */
class Ocpp16PayloadValidatorTest {

    private static final String METER_VALUE = "{\"timestamp\":\"2026-03-29T00:45:00Z\",\"sampledValue\":[{\"value\":\"1234\","
            + "\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\",\"context\":\"Sample.Periodic\"}]}";

    private final Ocpp16PayloadValidator validator = new Ocpp16PayloadValidator();

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("BootNotification", "{\"chargePointVendor\":\"Zaptec\",\"chargePointModel\":\"Go2\","
                        + "\"firmwareVersion\":\"3.2.1.0\",\"chargePointSerialNumber\":\"ZAP012345\"}"),
                Arguments.of("Heartbeat", "{}"),
                Arguments.of("StatusNotification", "{\"connectorId\":0,\"errorCode\":\"NoError\",\"status\":\"Available\"}"),
                Arguments.of("Authorize", "{\"idTag\":\"04A2B3C4D5E680\"}"),
                Arguments.of("StartTransaction", "{\"connectorId\":1,\"idTag\":\"04A2B3C4\",\"meterStart\":12345678901,"
                        + "\"timestamp\":\"2026-03-29T00:45:00+02:00\",\"reservationId\":7}"),
                Arguments.of("MeterValues", "{\"connectorId\":1,\"transactionId\":42,\"meterValue\":[" + METER_VALUE + "]}"),
                Arguments.of("StopTransaction", "{\"transactionId\":42,\"meterStop\":13000,\"timestamp\":"
                        + "\"2026-03-29T02:45:00Z\",\"reason\":\"EVDisconnected\",\"transactionData\":[" + METER_VALUE + "]}"),
                Arguments.of("StopTransaction", "{\"transactionId\":42,\"meterStop\":13000,\"timestamp\":"
                        + "\"2026-03-29T02:45:00Z\",\"transactionData\":[{\"timestamp\":\"2026-03-29T02:45:00Z\","
                        + "\"sampledValue\":[{\"value\":\"31\",\"measurand\":\"Temperature\",\"unit\":\"Celsius\"}]}]}"),
                Arguments.of("DataTransfer", "{\"vendorId\":\"com.zaptec\",\"messageId\":\"Session\",\"data\":\"{}\"}"),
                Arguments.of("DiagnosticsStatusNotification", "{\"status\":\"Uploaded\"}"),
                Arguments.of("FirmwareStatusNotification", "{\"status\":\"Installing\"}"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("a missing required property", "StartTransaction",
                        "{\"connectorId\":1,\"idTag\":\"AB12\",\"timestamp\":\"2026-03-29T00:45:00Z\"}",
                        ErrorCode.OccurenceConstraintViolation, "meterStart"),
                Arguments.of("an explicit null for a required property", "Authorize", "{\"idTag\":null}",
                        ErrorCode.OccurenceConstraintViolation, "idTag"),
                Arguments.of("a string where an integer belongs", "StartTransaction",
                        "{\"connectorId\":\"one\",\"idTag\":\"AB12\",\"meterStart\":0,\"timestamp\":\"2026-03-29T00:45:00Z\"}",
                        ErrorCode.TypeConstraintViolation, "connectorId"),
                Arguments.of("a decimal where an integer belongs", "StopTransaction",
                        "{\"transactionId\":1,\"meterStop\":12.5,\"timestamp\":\"2026-03-29T00:45:00Z\"}",
                        ErrorCode.TypeConstraintViolation, "meterStop"),
                Arguments.of("a number where a string belongs, deep down", "MeterValues",
                        "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-03-29T00:45:00Z\",\"sampledValue\":[{\"value\":12}]}]}",
                        ErrorCode.TypeConstraintViolation, "meterValue[0].sampledValue[0].value"),
                Arguments.of("an idTag longer than 20", "Authorize", "{\"idTag\":\"0123456789ABCDEF012345\"}",
                        ErrorCode.PropertyConstraintViolation, "idTag"),
                Arguments.of("a status OCPP does not know", "StatusNotification",
                        "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Sleeping\"}",
                        ErrorCode.PropertyConstraintViolation, "status"),
                Arguments.of("a timestamp without offset", "StartTransaction",
                        "{\"connectorId\":1,\"idTag\":\"AB12\",\"meterStart\":0,\"timestamp\":\"2026-03-29 00:45\"}",
                        ErrorCode.PropertyConstraintViolation, "timestamp"),
                Arguments.of("a unit OCPP does not know", "MeterValues",
                        "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-03-29T00:45:00Z\",\"sampledValue\":"
                                + "[{\"value\":\"1\",\"unit\":\"MWh\"}]}]}",
                        ErrorCode.PropertyConstraintViolation, "meterValue[0].sampledValue[0].unit"),
                Arguments.of("a property the PDU does not define", "Heartbeat", "{\"uptime\":12}",
                        ErrorCode.FormationViolation, "uptime"),
                Arguments.of("a nested property the PDU does not define", "MeterValues",
                        "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-03-29T00:45:00Z\",\"sampledValue\":[],"
                                + "\"signature\":\"x\"}]}",
                        ErrorCode.FormationViolation, "meterValue[0].signature"),
                Arguments.of("a diagnostics status OCPP does not know", "DiagnosticsStatusNotification",
                        "{\"status\":\"Done\"}", ErrorCode.PropertyConstraintViolation, "status"),
                Arguments.of("a DataTransfer without vendorId", "DataTransfer", "{\"data\":\"x\"}",
                        ErrorCode.OccurenceConstraintViolation, "vendorId"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("valid")
    void acceptsAPayloadThatFitsTheSchema(String action, String payload) {
        assertThatCode(() -> validator.validate(action, json(payload))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesAViolationWithTheCodeOcppJNamesForIt(String name, String action, String payload, ErrorCode code,
                                                     String field) {
        assertThatThrownBy(() -> validator.validate(action, json(payload)))
                .isInstanceOfSatisfying(OcppError.class, error -> {
                    org.assertj.core.api.Assertions.assertThat(error.code()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(error.field()).isEqualTo(field);
                    org.assertj.core.api.Assertions.assertThat(error.getMessage()).contains(field);
                });
    }

    private static ObjectNode json(String text) throws JsonProcessingException {
        return (ObjectNode) OcppJson.mapper().readTree(text);
    }
}
