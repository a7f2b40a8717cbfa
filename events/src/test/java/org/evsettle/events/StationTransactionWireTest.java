package org.evsettle.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.events.ocpp.SignedMeterValue;
import org.evsettle.events.ocpp.StationTransaction;
import org.evsettle.events.ocpp.TransactionStopped;
import org.junit.jupiter.api.Test;

/** The OCPP 2.0.1 details are additive: a 1.6 event writes none of them, a 2.0.1 one reads back whole. */
class StationTransactionWireTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Instant AT = Instant.parse("2026-03-29T00:45:00Z");

    @Test
    void writesNoStationDetailsOnA16Stop() throws IOException {
        TransactionStopped stopped = new TransactionStopped("ZAP-1", 42, 1, "04A2B3C4", 12_000, AT, "Local",
                List.of(new MeterValue(AT, List.of(new SampledValue("12000", null, null, null, null, null, "Wh")))),
                true, AT);

        JsonNode written = JSON.readTree(JSON.writeValueAsBytes(stopped));

        assertThat(written.has("station")).isFalse();
        assertThat(written.at("/transactionData/0/sampledValue/0").has("signedMeterValue")).isFalse();
        assertThat(JSON.treeToValue(written, TransactionStopped.class)).isEqualTo(stopped);
    }

    @Test
    void readsBackA201StopWithItsGapAndSignature() throws IOException {
        SampledValue signed = new SampledValue("12000", "Transaction.End", null, "Energy.Active.Import.Register", null,
                null, "Wh", new SignedMeterValue("AQID", "ECDSA-secp256r1-SHA256", "OCMF", "BAUG"));
        TransactionStopped stopped = new TransactionStopped("CS-1", 43, 1, null, 12_000, AT, "EVDisconnected",
                List.of(new MeterValue(AT, List.of(signed))), true, AT,
                new StationTransaction("tx-9", 5, "Ended", "EVCommunicationLost", true, 1, 1, "Idle", List.of(2, 3)));

        TransactionStopped read = JSON.readValue(JSON.writeValueAsBytes(stopped), TransactionStopped.class);

        assertThat(read).isEqualTo(stopped);
        assertThat(read.station().missingSeqNos()).containsExactly(2, 3);
        assertThat(read.transactionData().get(0).sampledValue().get(0).signedMeterValue().encodingMethod())
                .isEqualTo("OCMF");
    }
}
