package org.evsettle.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A simulated OCPP 2.0.1 station (a SimulatedCharger offering 2.0.1) against FakeCentralSystem. */
class Ocpp201StationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATION = "LOAD-T-00002";

    // sessions of three meter values 100 ms apart; no heartbeat within a test
    private final Scenario scenario = Scenario.parse(new String[] {"--meter-interval=100ms", "--session-length=300ms",
            "--idle=100ms", "--heartbeat-interval=10h", "--reconnect-within=200ms"});
    private final TransactionLedger ledger = new TransactionLedger();
    private final Metrics metrics = new Metrics();
    private FakeCentralSystem centralSystem;
    private ScheduledExecutorService timer;
    private SimulatedCharger station;

    @BeforeEach
    void start() throws IOException {
        centralSystem = new FakeCentralSystem();
        timer = Executors.newScheduledThreadPool(1);
        station = new SimulatedCharger(STATION, "generated-password", "04AB0000000002", true, scenario, metrics, timer,
                ledger);
    }

    @AfterEach
    void stop() throws IOException {
        station.stop();
        timer.shutdownNow();
        centralSystem.close();
    }

    @Test
    void offersOcpp201BeforeOcpp16AndBootsAsA201Station() {
        station.start(CLIENT, centralSystem.uri()).join();

        await().atMost(Duration.ofSeconds(5)).until(() -> centralSystem.actions().contains("StatusNotification"));
        assertThat(centralSystem.handshakes().get(0).offered()).containsExactly("ocpp2.0.1", "ocpp1.6");
        JsonNode boot = payloadsOf("BootNotification").get(0);
        assertThat(boot.get("reason").asText()).isEqualTo("PowerUp");
        assertThat(boot.get("chargingStation").get("serialNumber").asText()).isEqualTo(STATION);
        assertThat(boot.get("chargingStation").get("vendorName").asText()).isEqualTo("Zaptec");
        JsonNode status = payloadsOf("StatusNotification").get(0);
        assertThat(status.get("connectorStatus").asText()).isEqualTo("Available");
        assertThat(status.get("evseId").asInt()).isEqualTo(1);
        assertThat(status.get("connectorId").asInt()).isEqualTo(1);
        assertThat(metrics.speaking201()).isEqualTo(1);
        assertThat(metrics.fellBackTo16()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.histograms().containsKey("BootNotification (2.0.1)"));
    }

    @Test
    void livesATransactionAsTransactionEventsWithSeqNoRisingByOne() {
        centralSystem.answerAfter(Duration.ofMillis(20));

        station.start(CLIENT, centralSystem.uri()).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes().contains("Ended"));
        assertThat(centralSystem.actions()).startsWith("BootNotification", "StatusNotification", "Authorize",
                "StatusNotification", "TransactionEvent", "TransactionEvent", "TransactionEvent", "TransactionEvent",
                "TransactionEvent", "StatusNotification");
        assertThat(centralSystem.mostOutstanding()).isEqualTo(1);
        List<JsonNode> events = payloadsOf("TransactionEvent").subList(0, 5);
        assertThat(events).extracting(event -> event.get("eventType").asText())
                .containsExactly("Started", "Updated", "Updated", "Updated", "Ended");
        assertThat(events).extracting(event -> event.get("seqNo").asInt()).containsExactly(0, 1, 2, 3, 4);
        String transactionId = events.get(0).get("transactionInfo").get("transactionId").asText();
        assertThat(events).allSatisfy(event ->
                assertThat(event.get("transactionInfo").get("transactionId").asText()).isEqualTo(transactionId));
        JsonNode started = events.get(0);
        assertThat(started.get("triggerReason").asText()).isEqualTo("Authorized");
        assertThat(started.get("idToken").get("type").asText()).isEqualTo("ISO14443");
        assertThat(started.get("evse").get("id").asInt()).isEqualTo(1);
        long begin = register(started, "Transaction.Begin");
        JsonNode ended = events.get(4);
        assertThat(ended.get("triggerReason").asText()).isEqualTo("StopAuthorized");
        assertThat(ended.get("transactionInfo").get("stoppedReason").asText()).isEqualTo("Local");
        assertThat(register(ended, "Transaction.End")).isGreaterThan(begin);
        assertThat(events.get(1).get("meterValue").get(0).get("sampledValue")).extracting(value -> value.get("measurand").asText())
                .containsExactly("Energy.Active.Import.Register", "Power.Active.Import");
        // every answered TransactionEvent is in the ledger, by the station's transactionId and seqNo
        await().atMost(Duration.ofSeconds(5)).until(() -> ledger.answered().contains(
                "TransactionEvent Ended " + STATION + " " + transactionId + " 4"));
        assertThat(ledger.answered()).contains("TransactionEvent Started " + STATION + " " + transactionId + " 0",
                "TransactionEvent Updated " + STATION + " " + transactionId + " 2");
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.histograms().containsKey("TransactionEvent Ended (2.0.1)"));
        assertThat(metrics.histograms()).containsKeys("TransactionEvent Started (2.0.1)", "TransactionEvent Updated (2.0.1)");
    }

    @Test
    void continuesTheSeqNoInItsNextTransaction() {
        station.start(CLIENT, centralSystem.uri()).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes().stream().filter("Started"::equals).count() >= 2);
        List<JsonNode> events = payloadsOf("TransactionEvent");
        JsonNode second = events.get(5);
        assertThat(second.get("eventType").asText()).isEqualTo("Started");
        assertThat(second.get("seqNo").asInt()).isEqualTo(5);
        assertThat(second.get("transactionInfo").get("transactionId").asText())
                .isNotEqualTo(events.get(0).get("transactionInfo").get("transactionId").asText());
    }

    @Test
    void sendsOnlyWhatTheOfficialSchemasAccept() throws IOException {
        station.start(CLIENT, centralSystem.uri()).join();
        await().atMost(Duration.ofSeconds(5)).until(() -> centralSystem.actions().contains("BootNotification"));
        centralSystem.sendToAll("[2,\"set-1\",\"SetVariables\",{\"setVariableData\":[{\"attributeValue\":\"60\","
                + "\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"}}]}]");
        await().atMost(Duration.ofSeconds(5)).until(() -> centralSystem.replies().size() == 1);
        centralSystem.sendToAll("[2,\"get-1\",\"GetVariables\",{\"getVariableData\":["
                + "{\"component\":{\"name\":\"SampledDataCtrlr\"},\"variable\":{\"name\":\"TxUpdatedInterval\"}},"
                + "{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]}]");
        await().atMost(Duration.ofSeconds(5)).until(() -> centralSystem.replies().size() == 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes().contains("Ended"));
        assertThat(centralSystem.calls()).isNotEmpty().allSatisfy(call ->
                assertThat(Ocpp201Schemas.requestViolations(call.get(2).asText(), call.get(3))).isEmpty());
        JsonNode set = centralSystem.replies().get(0).get(2);
        assertThat(Ocpp201Schemas.responseViolations("SetVariables", set)).isEmpty();
        JsonNode get = centralSystem.replies().get(1).get(2);
        assertThat(Ocpp201Schemas.responseViolations("GetVariables", get)).isEmpty();
        // it keeps what SetVariables set and knows nothing else
        assertThat(get.get("getVariableResult").get(0).get("attributeValue").asText()).isEqualTo("60");
        assertThat(get.get("getVariableResult").get(1).get("attributeStatus").asText()).isEqualTo("UnknownVariable");
        // and the check does refuse: a 1.6 StatusNotification is no 2.0.1 one, nor is an Ended without seqNo
        assertThat(Ocpp201Schemas.requestViolations("StatusNotification", JSON.readTree(
                "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}"))).isNotEmpty();
        assertThat(Ocpp201Schemas.requestViolations("TransactionEvent", JSON.readTree("{\"eventType\":\"Ended\","
                + "\"timestamp\":\"2026-12-04T10:00:00Z\",\"triggerReason\":\"StopAuthorized\","
                + "\"transactionInfo\":{\"transactionId\":\"t-1\"}}"))).isNotEmpty();
    }

    @Test
    void sendsItsUnansweredTransactionEventsAgainInOrderWithTheirSeqNoAfterAReconnect() {
        centralSystem.dropOnce("TransactionEvent");

        station.start(CLIENT, centralSystem.uri()).join();

        // offline for over a second: the session goes on, its events wait in the queue behind the unanswered Started
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypes().contains("Ended"));
        assertThat(centralSystem.handshakes()).hasSize(2);
        assertThat(centralSystem.handshakes().get(1).offered()).containsExactly("ocpp2.0.1");
        List<JsonNode> events = payloadsOf("TransactionEvent");
        assertThat(events.subList(0, 6)).extracting(event -> event.get("seqNo").asInt()).containsExactly(0, 0, 1, 2, 3, 4);
        assertThat(events.subList(0, 6)).extracting(event -> event.get("eventType").asText())
                .containsExactly("Started", "Started", "Updated", "Updated", "Updated", "Ended");
        // the same message again, not a new transaction
        assertThat(events.get(1)).isEqualTo(events.get(0));
        // the Ended, made while offline, says so
        assertThat(events.get(5).path("offline").asBoolean()).isTrue();
        assertThat(metrics.resentCount("TransactionEvent Started (2.0.1)")).isEqualTo(1);
        String transactionId = events.get(0).get("transactionInfo").get("transactionId").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> ledger.answered().contains(
                "TransactionEvent Ended " + STATION + " " + transactionId + " 4"));
        assertThat(ledger.answered()).contains("TransactionEvent Started " + STATION + " " + transactionId + " 0");
        assertThat(centralSystem.actions().stream().filter("BootNotification"::equals)).hasSize(1);
    }

    @Test
    void behavesAsA16ChargerWhenTheCentralSystemChoosesOcpp16() {
        centralSystem.speaks(FakeCentralSystem.OCPP16);

        station.start(CLIENT, centralSystem.uri()).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> centralSystem.actions().contains("StopTransaction"));
        assertThat(centralSystem.handshakes().get(0).offered()).containsExactly("ocpp2.0.1", "ocpp1.6");
        assertThat(centralSystem.actions()).startsWith("BootNotification", "StatusNotification", "StatusNotification",
                "Authorize", "StatusNotification", "StartTransaction").doesNotContain("TransactionEvent");
        assertThat(payloadsOf("BootNotification").get(0).get("chargePointVendor").asText()).isEqualTo("Zaptec");
        assertThat(metrics.fellBackTo16()).isEqualTo(1);
        assertThat(metrics.speaking201()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> ledger.answered().contains("StopTransaction " + STATION + " 7"));
    }

    private List<String> eventTypes() {
        return payloadsOf("TransactionEvent").stream().map(event -> event.get("eventType").asText()).toList();
    }

    private static long register(JsonNode event, String context) {
        JsonNode value = event.get("meterValue").get(0).get("sampledValue").get(0);
        assertThat(value.get("context").asText()).isEqualTo(context);
        assertThat(value.get("measurand").asText()).isEqualTo("Energy.Active.Import.Register");
        assertThat(value.get("unitOfMeasure").get("unit").asText()).isEqualTo("Wh");
        return value.get("value").asLong();
    }

    private List<JsonNode> payloadsOf(String action) {
        return centralSystem.calls().stream().filter(call -> call.get(2).asText().equals(action))
                .map(call -> call.get(3)).toList();
    }
}
