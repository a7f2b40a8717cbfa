package org.evsettle.gateway.ocpp.v201;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.OcppJson;
import org.evsettle.gateway.ocpp.v201.StationReconnects.Status;
import org.junit.jupiter.api.Test;

/** What an answer to GetTransactionStatus means for a transaction the gateway holds open. */
class StationReconnectsTest {

    @Test
    void asksAgainWhileTheStationStillQueuesMessagesOrGivesNoAnswer() {
        assertThat(status("{\"messagesInQueue\": true, \"ongoingIndicator\": false}")).isEqualTo(Status.QUEUED);
        assertThat(status("{\"messagesInQueue\": true}").askAgain()).isTrue();
        assertThat(StationReconnects.statusOf(CallOutcome.timedOut("late"))).isEqualTo(Status.NO_ANSWER);
        assertThat(StationReconnects.statusOf(CallOutcome.callError("NotImplemented", "")).askAgain()).isTrue();
    }

    @Test
    void settlesOnceNothingIsQueuedAndNeverReadsItAsTheEnd() {
        assertThat(status("{\"messagesInQueue\": false, \"ongoingIndicator\": true}")).isEqualTo(Status.ONGOING);
        assertThat(status("{\"messagesInQueue\": false}")).isEqualTo(Status.SETTLED);
        // the station says it is over but its Ended never came: reported, not closed
        assertThat(status("{\"messagesInQueue\": false, \"ongoingIndicator\": false}"))
                .isEqualTo(Status.ENDED_WITHOUT_EVENT);
        assertThat(Status.ENDED_WITHOUT_EVENT.askAgain()).isFalse();
    }

    @Test
    void boundsTheQuestionsToAFewMinutes() {
        assertThat(StationReconnects.ASK_AGAIN.multipliedBy(StationReconnects.MOST_ASKS)).isBetween(
                Duration.ofMinutes(2), Duration.ofMinutes(10));
    }

    private static Status status(String response) {
        try {
            return StationReconnects.statusOf(CallOutcome.answered(OcppJson.mapper().readTree(response)));
        } catch (Exception e) {
            throw new IllegalArgumentException(response, e);
        }
    }
}
