package org.evsettle.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.evsettle.gateway.ocpp.OcppFrame.CallError;
import org.evsettle.gateway.ocpp.OcppFrame.CallResult;
import org.junit.jupiter.api.Test;

class PendingCallsTest {

    private final PendingCalls pending = new PendingCalls();

    @Test
    void handsAnAnswerToTheCallOfThatChargerAndMessageId() {
        CompletableFuture<?> answer = pending.expect("ZAP-1", "c1");

        assertThat(pending.resolve("ZAP-2", new CallResult("c1", OcppJson.mapper().createObjectNode()))).isFalse();
        assertThat(pending.resolve("ZAP-1", new CallResult("c1", OcppJson.mapper().createObjectNode()))).isTrue();
        assertThat(answer).isCompleted();
        assertThat(pending.resolve("ZAP-1", new CallResult("c1", OcppJson.mapper().createObjectNode()))).isFalse();
    }

    @Test
    void handsOverACallErrorAndFailsTheCallsOfADisconnectedCharger() {
        CompletableFuture<OcppFrame> refused = pending.expect("ZAP-1", "c2");
        CompletableFuture<OcppFrame> abandoned = pending.expect("ZAP-1", "c3");
        CompletableFuture<OcppFrame> elsewhere = pending.expect("ZAP-2", "c3");

        pending.resolve("ZAP-1", new CallError("c2", "NotSupported", "no", null));
        pending.abandon("ZAP-1");

        assertThat(refused).isCompletedWithValueMatching(frame -> frame instanceof CallError error
                && error.errorCode().equals("NotSupported"));
        assertThat(abandoned).isCompletedExceptionally();
        assertThat(elsewhere).isNotDone();
    }

    @Test
    void treatsAnAnswerAfterTheTimeoutAsUnknown() {
        pending.expect("ZAP-1", "c4");
        pending.forget("ZAP-1", "c4");

        assertThat(pending.resolve("ZAP-1", new CallResult("c4", OcppJson.mapper().createObjectNode()))).isFalse();
    }
}
