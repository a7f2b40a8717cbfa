package org.evsettle.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.evsettle.gateway.ocpp.FrameCodec.MalformedFrame;
import org.evsettle.gateway.ocpp.OcppFrame.Call;
import org.evsettle.gateway.ocpp.OcppFrame.CallError;
import org.evsettle.gateway.ocpp.OcppFrame.CallResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrameCodecTest {

    @Test
    void readsACallWithItsActionAndPayload() {
        OcppFrame frame = FrameCodec.decode("[2, \"19223201\", \"BootNotification\", {\"chargePointVendor\": \"Zaptec\"}]");

        assertThat(frame).isInstanceOfSatisfying(Call.class, call -> {
            assertThat(call.messageId()).isEqualTo("19223201");
            assertThat(call.action()).isEqualTo("BootNotification");
            assertThat(call.payload().get("chargePointVendor").textValue()).isEqualTo("Zaptec");
        });
    }

    @Test
    void readsResultsAndErrorsOfOurOwnCalls() {
        assertThat(FrameCodec.decode("[3, \"a1\", {\"status\": \"Accepted\"}]"))
                .isInstanceOfSatisfying(CallResult.class, r -> assertThat(r.payload().get("status").textValue())
                        .isEqualTo("Accepted"));
        assertThat(FrameCodec.decode("[4, \"a2\", \"NotSupported\", \"no\", {}]"))
                .isInstanceOfSatisfying(CallError.class, e -> assertThat(e.errorCode()).isEqualTo("NotSupported"));
    }

    static Stream<Arguments> malformedFrames() {
        return Stream.of(
                // frame, message id the error must carry (null: none readable), is it an answer
                Arguments.of("this is not json", null, false),
                Arguments.of("{\"action\": \"Heartbeat\"}", null, false),
                Arguments.of("[]", null, false),
                Arguments.of("[\"2\", \"m1\", \"Heartbeat\", {}]", "m1", false),
                Arguments.of("[2, \"m2\", \"Heartbeat\"]", "m2", false),
                Arguments.of("[2, \"m3\", \"Heartbeat\", {}, {}]", "m3", false),
                Arguments.of("[2, \"m4\", 17, {}]", "m4", false),
                Arguments.of("[2, \"m5\", \"Heartbeat\", []]", "m5", false),
                Arguments.of("[2, {}, \"Heartbeat\", {}]", null, false),
                Arguments.of("[7, \"m6\", \"Heartbeat\", {}]", "m6", false),
                Arguments.of("[3, \"m7\"]", "m7", true),
                Arguments.of("[4, \"m8\", \"GenericError\"]", "m8", true),
                // not valid JSON, but it starts as a frame does: the id is read from its start
                Arguments.of("[2, \"m9\", \"Heartbeat\", {\"a\": }]", "m9", false),
                Arguments.of("[2, \"m10\", \"Authorize\", {\"idTag\": \"04A2", "m10", false),
                Arguments.of("[2, \"m11\", \"Heartbeat\", " + "[".repeat(5_000) + "]".repeat(5_000) + "]", "m11", false),
                Arguments.of("[3, \"m12\", {\"status\": ", "m12", true),
                Arguments.of("[2, 17, \"Heartbeat\", {", null, false),
                Arguments.of("[2", null, false));
    }

    @ParameterizedTest
    @MethodSource("malformedFrames")
    void refusesMalformedFramesAsFormationViolationKeepingTheReadableId(String text, String messageId, boolean answer) {
        assertThatThrownBy(() -> FrameCodec.decode(text))
                .isInstanceOfSatisfying(MalformedFrame.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FormationViolation);
                    assertThat(e.messageId()).isEqualTo(messageId);
                    assertThat(e.isAnswer()).isEqualTo(answer);
                });
    }

    @Test
    void tellsAnUnknownMessageTypeApartSoThatItIsIgnored() {
        assertThatThrownBy(() -> FrameCodec.decode("[7, \"m6\", \"Heartbeat\", {}]"))
                .isInstanceOfSatisfying(MalformedFrame.class, e -> assertThat(e.isUnknownType()).isTrue());
        assertThatThrownBy(() -> FrameCodec.decode("[2, \"m5\", \"Heartbeat\", []]"))
                .isInstanceOfSatisfying(MalformedFrame.class, e -> assertThat(e.isUnknownType()).isFalse());
    }

    @Test
    void refusesAMessageIdLongerThan36CharactersAsProtocolError() {
        String id = "x".repeat(37);
        assertThatThrownBy(() -> FrameCodec.decode("[2, \"" + id + "\", \"Heartbeat\", {}]"))
                .isInstanceOfSatisfying(MalformedFrame.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ProtocolError);
                    assertThat(e.messageId()).isEqualTo(id);
                });
        assertThat(FrameCodec.decode("[2, \"" + "x".repeat(36) + "\", \"Heartbeat\", {}]").messageId()).hasSize(36);
    }

    @Test
    void answersAnUnreadableFrameWithMessageIdMinusOne() {
        String encoded = FrameCodec.encode(FrameCodec.errorFor(null,
                new OcppError(ErrorCode.FormationViolation, "The frame is not valid JSON")));

        assertThat(encoded).isEqualTo("[4,\"-1\",\"FormationViolation\",\"The frame is not valid JSON\",{}]");
    }

    @Test
    void namesTheFieldAtFaultInTheErrorDetails() {
        String encoded = FrameCodec.encode(FrameCodec.errorFor("m9",
                new OcppError(ErrorCode.TypeConstraintViolation, "connectorId must be an integer", "connectorId")));

        assertThat(encoded).isEqualTo(
                "[4,\"m9\",\"TypeConstraintViolation\",\"connectorId must be an integer\",{\"field\":\"connectorId\"}]");
    }

    @Test
    void writesACallResultAsAThreeElementArray() {
        String encoded = FrameCodec.encode(new CallResult("m10", OcppJson.mapper().createObjectNode().put("a", 1)));

        assertThat(encoded).isEqualTo("[3,\"m10\",{\"a\":1}]");
    }
}
