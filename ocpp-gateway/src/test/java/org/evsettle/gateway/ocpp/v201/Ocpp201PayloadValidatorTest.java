package org.evsettle.gateway.ocpp.v201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.evsettle.gateway.ocpp.ErrorCode;
import org.evsettle.gateway.ocpp.OcppError;
import org.evsettle.gateway.ocpp.OcppJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Station messages against the official OCPP 2.0.1 schemas ($ref, definitions), with the code each violation gets and its 2.0.1 spelling. */
class Ocpp201PayloadValidatorTest {

    private static final String METER_VALUE = "{\"timestamp\":\"2026-03-29T00:45:00Z\",\"sampledValue\":[{\"value\":1.234,"
            + "\"measurand\":\"Energy.Active.Import.Register\",\"unitOfMeasure\":{\"unit\":\"kWh\",\"multiplier\":0}}]}";
    private static final String STARTED = "{\"eventType\":\"Started\",\"timestamp\":\"2026-03-29T00:45:00Z\","
            + "\"triggerReason\":\"Authorized\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx-1\"},"
            + "\"idToken\":{\"idToken\":\"04A2B3C4\",\"type\":\"ISO14443\"},\"evse\":{\"id\":1,\"connectorId\":1},"
            + "\"meterValue\":[" + METER_VALUE + "]}";

    private final Ocpp201PayloadValidator validator = new Ocpp201PayloadValidator();

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("BootNotification", "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"X1\","
                        + "\"vendorName\":\"Acme\",\"firmwareVersion\":\"1.0\",\"serialNumber\":\"S1\"}}"),
                Arguments.of("Heartbeat", "{}"),
                Arguments.of("StatusNotification", "{\"timestamp\":\"2026-03-29T00:45:00Z\",\"connectorStatus\":\"Available\","
                        + "\"evseId\":1,\"connectorId\":1}"),
                Arguments.of("Authorize", "{\"idToken\":{\"idToken\":\"04A2B3C4D5E680\",\"type\":\"ISO14443\"}}"),
                Arguments.of("TransactionEvent", STARTED),
                Arguments.of("MeterValues", "{\"evseId\":0,\"meterValue\":[" + METER_VALUE + "]}"),
                Arguments.of("DataTransfer", "{\"vendorId\":\"com.acme\",\"messageId\":\"Session\",\"data\":{\"a\":1}}"),
                Arguments.of("FirmwareStatusNotification", "{\"status\":\"Installing\"}"),
                Arguments.of("NotifyEvent", "{\"generatedAt\":\"2026-03-29T00:45:00Z\",\"seqNo\":0,\"eventData\":[{"
                        + "\"eventId\":1,\"timestamp\":\"2026-03-29T00:45:00Z\",\"trigger\":\"Delta\",\"actualValue\":\"1\","
                        + "\"eventNotificationType\":\"HardWiredNotification\",\"component\":{\"name\":\"EVSE\"},"
                        + "\"variable\":{\"name\":\"AvailabilityState\"}}]}"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("missing required", "Authorize", "{}", ErrorCode.OccurenceConstraintViolation, "idToken"),
                Arguments.of("missing required inside a $ref", "Authorize", "{\"idToken\":{\"idToken\":\"04A2\"}}",
                        ErrorCode.OccurenceConstraintViolation, "idToken.type"),
                Arguments.of("enum of a definition", "Authorize", "{\"idToken\":{\"idToken\":\"04A2\",\"type\":\"Mifare\"}}",
                        ErrorCode.PropertyConstraintViolation, "idToken.type"),
                Arguments.of("maxLength of a definition", "Authorize", "{\"idToken\":{\"idToken\":\"" + "A".repeat(37)
                        + "\",\"type\":\"ISO14443\"}}", ErrorCode.PropertyConstraintViolation, "idToken.idToken"),
                Arguments.of("wrong type", "TransactionEvent", STARTED.replace("\"seqNo\":0", "\"seqNo\":\"0\""),
                        ErrorCode.TypeConstraintViolation, "seqNo"),
                Arguments.of("number where a string", "TransactionEvent",
                        STARTED.replace("\"transactionId\":\"tx-1\"", "\"transactionId\":17"),
                        ErrorCode.TypeConstraintViolation, "transactionInfo.transactionId"),
                Arguments.of("unknown property in a definition", "TransactionEvent",
                        STARTED.replace("\"evse\":{\"id\":1,", "\"evse\":{\"id\":1,\"socket\":2,"),
                        ErrorCode.FormationViolation, "evse.socket"),
                Arguments.of("empty array below minItems", "MeterValues", "{\"evseId\":1,\"meterValue\":[]}",
                        ErrorCode.OccurenceConstraintViolation, "meterValue"),
                Arguments.of("bad date-time", "StatusNotification", "{\"timestamp\":\"yesterday\",\"connectorStatus\":"
                        + "\"Available\",\"evseId\":1,\"connectorId\":1}", ErrorCode.PropertyConstraintViolation, "timestamp"),
                Arguments.of("deep $ref", "TransactionEvent", STARTED.replace("\"unit\":\"kWh\",", "\"unit\":true,"),
                        ErrorCode.TypeConstraintViolation, "meterValue[0].sampledValue[0].unitOfMeasure.unit"));
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
                    assertThat(error.code()).isEqualTo(code);
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.getMessage()).contains(field);
                });
    }

    @Test
    void spellsTheCodesAsOcppJ201DoesAndLeaves16Alone() {
        assertThat(ErrorCode.OccurenceConstraintViolation.spelledFor(Ocpp201.SUBPROTOCOL))
                .isEqualTo("OccurrenceConstraintViolation");
        assertThat(ErrorCode.FormationViolation.spelledFor(Ocpp201.SUBPROTOCOL)).isEqualTo("FormatViolation");
        assertThat(ErrorCode.MessageTypeNotSupported.spelledFor(Ocpp201.SUBPROTOCOL)).isEqualTo("MessageTypeNotSupported");
        assertThat(ErrorCode.RpcFrameworkError.spelledFor(Ocpp201.SUBPROTOCOL)).isEqualTo("RpcFrameworkError");
        assertThat(ErrorCode.OccurenceConstraintViolation.spelledFor("ocpp1.6")).isEqualTo("OccurenceConstraintViolation");
        assertThat(ErrorCode.FormationViolation.spelledFor("ocpp1.6")).isEqualTo("FormationViolation");
        assertThat(ErrorCode.PropertyConstraintViolation.spelledFor(Ocpp201.SUBPROTOCOL))
                .isEqualTo("PropertyConstraintViolation");
    }

    @Test
    void compilesEveryRequestAndAnswerOfTheVersion() {
        for (String action : Ocpp201Schemas.ALL_ACTIONS) {
            assertThat(Ocpp201Schemas.request(action)).as(action).isPresent();
            assertThat(Ocpp201Schemas.response(action)).as(action).isPresent();
        }
        assertThat(Ocpp201Schemas.ALL_ACTIONS).hasSize(64);
        assertThat(validator.isKnownAction("RequestStartTransaction")).isTrue();
        assertThat(validator.isKnownAction("StartTransaction")).isFalse();
    }

    private static ObjectNode json(String text) throws JsonProcessingException {
        return (ObjectNode) OcppJson.mapper().readTree(text);
    }
}
