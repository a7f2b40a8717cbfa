package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.gateway.OcppPipelineTest.dataOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.evsettle.events.ocpp.ChargerDisconnected;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * WebSocket keep-alive with short timings: the gateway pings every connection; a charger that
 * answers the pings stays connected while it sends nothing, and one that shows no sign of life
 * (no frame, no pong) is closed and announced disconnected.
 */
@QuarkusTest
@TestProfile(KeepAliveTest.ShortKeepAlive.class)
@WithTestResource(InfrastructureResource.class)
class KeepAliveTest {

    /** Pings every second; silent for 4 seconds is gone; checked every second. */
    public static class ShortKeepAlive implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.websockets-next.server.auto-ping-interval", "1S",
                    "evsettle.gateway.silent-timeout", "4S",
                    "evsettle.gateway.replica-heartbeat", "1S");
        }
    }

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void keepsAChargerThatAnswersPingsConnectedWhileItSendsNothing() {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            charger.call("BootNotification", GatewayFixtures.boot());

            // three times the silent timeout without a frame: only the pongs keep it alive
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20)).until(charger::isOpen);
            assertThat(charger.call("Heartbeat", Map.of()).has("currentTime")).isTrue();
        }
    }

    @Test
    void closesAChargerThatShowsNoSignOfLifeAndAnnouncesTheDisconnect() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        // a client that never reads what the gateway sends, so it never answers a ping
        WebSocket silent = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> deafSocket(site.chargePointId()), socket -> socket != null);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(dataOf(fixtures.ocppEvents(site.chargePointId()), ChargerDisconnected.class))
                            .singleElement()
                            .satisfies(closed -> assertThat(closed.closeCode()).isEqualTo(1001)));
        } finally {
            silent.abort();
        }
    }

    private WebSocket deafSocket(String chargePointId) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols(ChargePointSimulator.SUBPROTOCOL)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (chargePointId + ":" + GatewayFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .buildAsync(gateway().resolve("/ocpp/" + chargePointId), new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {
                        // no request(): nothing is read, no ping is answered
                    }
                })
                .get(15, TimeUnit.SECONDS);
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
