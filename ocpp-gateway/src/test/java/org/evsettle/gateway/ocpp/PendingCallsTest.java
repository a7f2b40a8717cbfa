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
    void failsTheCallOnACallErrorAndOnDisconnect() {
        CompletableFuture<?> refused = pending.expect("ZAP-1", "c2");
        CompletableFuture<?> abandoned = pending.expect("ZAP-1", "c3");

        pending.resolve("ZAP-1", new CallError("c2", "NotSupported", "no", null));
        pending.abandon("ZAP-1");

        assertThat(refused).isCompletedExceptionally();
        assertThat(abandoned).isCompletedExceptionally();
    }
}
