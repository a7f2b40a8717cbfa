package org.evsettle.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.evsettle.events.EventJson;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.StationTransaction;
import org.junit.jupiter.api.Test;

/** How the ledger finds a 2.0.1 TransactionEvent on the gateway's events, without Kafka. */
class TransactionLedgerTest {

    private final TransactionLedger ledger = new TransactionLedger();

    @Test
    void findsATransactionEventByTheStationsTransactionIdAndSeqNoOnTheGatewaysEvent() throws Exception {
        ledger.transactionEvent("LOAD-T-00002", "Updated", "3f0c-tx", 3);

        // a MeterValuesSampled the gateway made of that TransactionEvent: its own int transactionId, and the station's
        MeterValuesSampled sampled = new MeterValuesSampled("LOAD-T-00002", 1, 41, List.of(), Instant.now(),
                new StationTransaction("3f0c-tx", 3, "Updated", "MeterValuePeriodic", false, 1, 1, "Charging", null));

        assertThat(ledger.answered()).containsExactly(TransactionLedger.stationTransactionKey("LOAD-T-00002", "Updated",
                EventJson.mapper().writeValueAsBytes(sampled)));
    }

    @Test
    void findsNoTransactionEventOnAnEventMadeOfA16Message() {
        String event = "{\"chargePointId\":\"LOAD-T-00001\",\"transactionId\":7,\"connectorId\":1,\"meterStartWh\":100}";

        assertThat(TransactionLedger.stationTransactionKey("LOAD-T-00001", "Started",
                event.getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
