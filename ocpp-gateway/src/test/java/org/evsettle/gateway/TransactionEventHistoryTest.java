package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.evsettle.gateway.TransactionEventLog.History;
import org.evsettle.gateway.TransactionEventLog.Received;
import org.junit.jupiter.api.Test;

/** Which TransactionEvents of a transaction never arrived, whether a station restarts its seqNo or counts on. */
class TransactionEventHistoryTest {

    private static final Instant AT = Instant.parse("2026-12-04T08:00:00Z");

    @Test
    void countsAStationThatStartsEveryTransactionAtSeqNoZero() {
        History history = history(started(0), updated(1), updated(4));

        assertThat(history.missingUpTo(6)).containsExactly(2, 3, 5);
    }

    @Test
    void countsFromTheStartedOfAStationWhoseSeqNoGoesOnAcrossTransactions() {
        History history = history(started(57), updated(58), updated(60));

        assertThat(history.missingUpTo(61)).containsExactly(59);
    }

    @Test
    void countsALostStartedAsMissingWhenOnlyTheEndedArrived() {
        assertThat(history().missingUpTo(5)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void doesNotTakeEarlierTransactionsOfACounterThatNeverRestartsAsLost() {
        History history = history(updated(5003));

        assertThat(history.missingUpTo(5005)).containsExactly(5004);
    }

    @Test
    void listsNoGapWhenEveryEventArrived() {
        assertThat(history(started(0), updated(1), updated(2)).missingUpTo(3)).isEmpty();
    }

    private static History history(Received... events) {
        return new History(List.copyOf(Arrays.asList(events)));
    }

    private static Received started(long seqNo) {
        return new Received(seqNo, "Started", 1_000L, AT);
    }

    private static Received updated(long seqNo) {
        return new Received(seqNo, "Updated", 1_500L, AT.plusSeconds(60 * seqNo));
    }
}
