package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/** The int transactionId the gateway gives a 2.0.1 station's own (string) transactionId, and the way back. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class StationTransactionIdsTest {

    @Inject
    TransactionIds transactionIds;

    @Test
    void issuesOneIdPerStationTransactionWhicheverEventArrivesFirst() {
        String chargePointId = "CS-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-03-29T00:45:00Z");

        StationTransactionId first = transactionIds.issueForStation(chargePointId, "tx-1", 1, null, 1_000, at);
        StationTransactionId again = transactionIds.issueForStation(chargePointId, "tx-1", 1, "04A2B3C4", 1_500, at.plusSeconds(60));
        StationTransactionId other = transactionIds.issueForStation(chargePointId, "tx-2", 1, null, 1_000, at);
        StationTransactionId elsewhere = transactionIds.issueForStation("CS-" + UUID.randomUUID(), "tx-1", 1, null, 1_000, at);

        assertThat(first.issuedNow()).isTrue();
        assertThat(again.issuedNow()).isFalse();
        assertThat(again.transactionId()).isEqualTo(first.transactionId());
        assertThat(other.transactionId()).isNotEqualTo(first.transactionId());
        assertThat(elsewhere.transactionId()).isNotEqualTo(first.transactionId());
        assertThat(transactionIds.transactionId(chargePointId, "tx-1")).hasValue(first.transactionId());
        assertThat(transactionIds.stationTransactionId(chargePointId, first.transactionId())).hasValue("tx-1");
        assertThat(transactionIds.stationTransactionId("someone-else", first.transactionId())).isEmpty();
    }

    @Test
    void remembersThatTheStartWasAnnounced() {
        String chargePointId = "CS-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-03-29T00:45:00Z");
        int transactionId = transactionIds.issueForStation(chargePointId, "tx-9", 2, null, 0, at).transactionId();

        assertThat(transactionIds.issueForStation(chargePointId, "tx-9", 2, null, 0, at).startAnnounced()).isFalse();
        transactionIds.startAnnounced(transactionId, at);
        assertThat(transactionIds.issueForStation(chargePointId, "tx-9", 2, null, 0, at).startAnnounced()).isTrue();
    }

    @Test
    void knowsNoStationTransactionIdOfA16Transaction() {
        String chargePointId = "CP-" + UUID.randomUUID();
        int transactionId = transactionIds.issue(chargePointId, 1, "AB12CD34", 5_000, Instant.parse("2026-03-29T00:45:00Z"));

        assertThat(transactionIds.stationTransactionId(chargePointId, transactionId)).isEmpty();
        assertThat(transactionIds.find(chargePointId, transactionId)).isPresent();
    }
}
