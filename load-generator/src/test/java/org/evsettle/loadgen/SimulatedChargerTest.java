package org.evsettle.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedChargerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    // sessions of three meter values 100 ms apart; no heartbeat within a test
    private final Scenario scenario = Scenario.parse(new String[] {"--meter-interval=100ms", "--session-length=300ms",
            "--idle=100ms", "--heartbeat-interval=10h", "--reconnect-within=200ms"});
    private final TransactionLedger ledger = new TransactionLedger();
    private final Metrics metrics = new Metrics();
    private FakeCentralSystem centralSystem;
    private ScheduledExecutorService timer;
    private SimulatedCharger charger;

    @BeforeEach
    void start() throws IOException {
        centralSystem = new FakeCentralSystem();
        timer = Executors.newScheduledThreadPool(1);
        charger = new SimulatedCharger("LOAD-T-00001", "generated-password", "04AB0000000001", false, scenario, metrics,
                timer, ledger);
    }

    @AfterEach
    void stop() throws IOException {
        charger.stop();
        timer.shutdownNow();
        centralSystem.close();
    }

    @Test
    void connectsWithBasicAuthAndTheOcppSubprotocol() {
        charger.start(CLIENT, centralSystem.uri()).join();

        FakeCentralSystem.Handshake handshake = centralSystem.handshakes().get(0);
        assertThat(handshake.path()).isEqualTo("/ocpp/LOAD-T-00001");
        assertThat(handshake.headers()).containsEntry("authorization", "Basic " + Base64.getEncoder()
                .encodeToString("LOAD-T-00001:generated-password".getBytes(StandardCharsets.UTF_8)));
        assertThat(handshake.headers().get("sec-websocket-protocol")).isEqualTo("ocpp1.6");
        assertThat(metrics.connectedNow()).isEqualTo(1);
    }

    @Test
    void livesAChargingSessionOneCallAtATime() {
        centralSystem.answerAfter(Duration.ofMillis(20));

        charger.start(CLIENT, centralSystem.uri()).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> centralSystem.actions().contains("StopTransaction"));
        assertThat(centralSystem.actions()).startsWith("BootNotification", "StatusNotification", "StatusNotification",
                "Authorize", "StatusNotification", "StartTransaction", "StatusNotification",
                "MeterValues", "MeterValues", "MeterValues", "StopTransaction");
        assertThat(centralSystem.mostOutstanding()).isEqualTo(1);
        List<JsonNode> meterValues = payloadsOf("MeterValues");
        assertThat(meterValues).allSatisfy(values -> assertThat(values.get("transactionId").asInt()).isEqualTo(7));
        long meterStart = payloadsOf("StartTransaction").get(0).get("meterStart").asLong();
        JsonNode stop = payloadsOf("StopTransaction").get(0);
        assertThat(stop.get("transactionId").asInt()).isEqualTo(7);
        assertThat(stop.get("meterStop").asLong()).isGreaterThan(meterStart);
    }

    @Test
    void measuresEachAnswerByAction() {
        centralSystem.answerAfter(Duration.ofMillis(20));

        charger.start(CLIENT, centralSystem.uri()).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> centralSystem.actions().contains("StopTransaction"));
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.histograms().containsKey("StopTransaction"));
        assertThat(metrics.histograms().get("BootNotification").getTotalCount()).isEqualTo(1);
        // from sending the CALL to reading its answer, in microseconds: at least the central system's delay
        assertThat(metrics.histograms().get("BootNotification").getMinValue()).isGreaterThanOrEqualTo(20_000);
        assertThat(metrics.errors("BootNotification")).isZero();
    }

    @Test
    void countsACallErrorAndGoesOnWithTheSession() {
        centralSystem.failCalls("Authorize", "InternalError");

        charger.start(CLIENT, centralSystem.uri()).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> centralSystem.actions().contains("StartTransaction"));
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.errors("Authorize") >= 1);
        assertThat(metrics.histograms()).doesNotContainKey("Authorize");
    }

    @Test
    void acceptsAnyCommandOfTheCentralSystem() {
        charger.start(CLIENT, centralSystem.uri()).join();

        centralSystem.sendToAll("[2,\"command-1\",\"Reset\",{\"type\":\"Soft\"}]");

        await().atMost(Duration.ofSeconds(5)).until(() -> !centralSystem.replies().isEmpty());
        assertThat(centralSystem.replies().get(0).toString()).isEqualTo("[3,\"command-1\",{\"status\":\"Accepted\"}]");
    }

    @Test
    void countsARefusedConnectByItsStatus() {
        centralSystem.refuseWith(401);

        charger.start(CLIENT, centralSystem.uri()).join();

        assertThat(metrics.connectFailureReasons()).isEqualTo(Map.of("HTTP 401", 1L));
        assertThat(metrics.connectedNow()).isZero();
    }

    @Test
    void countsADropAndReconnectsWithoutBootingAgain() {
        charger.start(CLIENT, centralSystem.uri()).join();
        await().atMost(Duration.ofSeconds(5)).until(() -> centralSystem.actions().contains("BootNotification"));

        centralSystem.closeAll(1001);

        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.disconnects() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> centralSystem.handshakes().size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.connectedNow() == 1);
        assertThat(metrics.reconnects()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> centralSystem.actions().contains("StopTransaction"));
        assertThat(centralSystem.actions().stream().filter("BootNotification"::equals)).hasSize(1);
    }

    @Test
    void sendsAnUnansweredTransactionMessageAgainOnceReconnected() {
        centralSystem.dropOnce("StartTransaction");

        charger.start(CLIENT, centralSystem.uri()).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> centralSystem.actions().contains("StopTransaction"));
        List<JsonNode> starts = payloadsOf("StartTransaction");
        assertThat(starts).hasSize(2);
        // the same message again, not a new session: same meterStart and timestamp
        assertThat(starts.get(1)).isEqualTo(starts.get(0));
        assertThat(metrics.resentCount("StartTransaction")).isEqualTo(1);
        assertThat(centralSystem.handshakes()).hasSize(2);
        assertThat(centralSystem.actions().subList(centralSystem.actions().indexOf("StartTransaction") + 1,
                centralSystem.actions().size())).startsWith("StartTransaction");
        // answered and so in the ledger: the start, its three samples and its stop
        await().atMost(Duration.ofSeconds(5)).until(() -> ledger.answered().contains("StopTransaction LOAD-T-00001 7"));
        assertThat(ledger.answered()).contains("StartTransaction LOAD-T-00001 7");
        assertThat(ledger.answered().stream().filter(key -> key.startsWith("MeterValues LOAD-T-00001 7 "))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void dropsAnUnansweredHeartbeatOrStatusInsteadOfSendingItAgain() {
        centralSystem.dropOnce("Authorize");

        charger.start(CLIENT, centralSystem.uri()).join();

        await().atMost(Duration.ofSeconds(10)).until(() -> centralSystem.actions().contains("StopTransaction"));
        assertThat(centralSystem.actions().stream().filter("Authorize"::equals)).hasSize(1);
        assertThat(metrics.resentCount("Authorize")).isZero();
    }

    @Test
    void stopsWithANormalClose() {
        charger.start(CLIENT, centralSystem.uri()).join();

        charger.stop();

        await().atMost(Duration.ofSeconds(5)).until(() -> centralSystem.closeCodes().equals(List.of(1000)));
    }

    private List<JsonNode> payloadsOf(String action) {
        return centralSystem.calls().stream().filter(call -> call.get(2).asText().equals(action))
                .map(call -> call.get(3)).toList();
    }
}
