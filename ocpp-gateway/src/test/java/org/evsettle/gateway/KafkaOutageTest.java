package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.evsettle.devstack.kafka.KafkaBroker;
import org.evsettle.events.Topics;
import org.evsettle.events.Envelope;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.ManagementPort;
import org.evsettle.testkit.OcppCallError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away while a charger starts and again while it stops a transaction: nothing may be
 * answered that is not safe, the charger's retries succeed once Kafka is back, and exactly one start
 * and one stop reach the topic. And the gateway reports not ready while Kafka is gone and ready again
 * by itself once it is back, without any traffic to wake its producers. Every test leaves Kafka
 * running and the gateway ready, so that the tests after it in the same application find both.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class KafkaOutageTest {

    /** How long the gateway may take to notice that Kafka left or came back. */
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();
    private final KafkaBroker kafka = InfrastructureResource.stack().kafka();

    @AfterEach
    void kafkaIsBackAndTheGatewayReady() {
        kafka.start();
        ManagementPort.awaitReady(RECOVERY);
    }

    @Test
    void reportsNotReadyWithoutKafkaAndReadyAgainByItselfOnceKafkaIsBack() {
        ManagementPort.awaitReady(RECOVERY);
        kafka.stop();
        try {
            await("readiness DOWN without Kafka").atMost(RECOVERY).untilAsserted(() ->
                    assertThat(ManagementPort.get("/q/health/ready").statusCode()).isEqualTo(503));
            assertThat(messagingReadiness(ManagementPort.get("/q/health/ready").body()))
                    .containsEntry("ocpp-commands", "KO").containsEntry("ocpp-events", "KO");
        } finally {
            kafka.start();
        }

        // no charger, no command: nothing sends on either channel, so only the readiness check itself can notice
        String ready = ManagementPort.awaitReady(RECOVERY);
        assertThat(messagingReadiness(ready)).containsEntry("ocpp-commands", "OK").containsEntry("ocpp-events", "OK");
    }

    @Test
    void answersInternalErrorWhileKafkaIsDownAndPublishesTheRetriesExactlyOnce() {
        GatewayFixtures.Site site = fixtures.aSite();
        Instant startedAt = GatewayFixtures.hoursAgo(2);
        Map<String, Object> start = GatewayFixtures.startTransaction("AB12CD34", 42_000, startedAt);

        try (ChargePointSimulator charger = GatewayFixtures.connect(GatewayFixtures.websocket(http), site)) {
            charger.callTimeout(Duration.ofSeconds(45));
            charger.call("BootNotification", GatewayFixtures.boot());
            kafka.stop();
            try {
                assertThatThrownBy(() -> charger.call("StartTransaction", start))
                        .isInstanceOfSatisfying(OcppCallError.class,
                                e -> assertThat(e.errorCode()).isEqualTo("InternalError"));
            } finally {
                kafka.start();
            }

            AtomicReference<JsonNode> answer = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(90)).ignoreException(OcppCallError.class).until(() -> {
                answer.set(charger.call("StartTransaction", start));
                return true;
            });
            int transactionId = answer.get().get("transactionId").asInt();
            assertThat(transactionId).isPositive();

            Map<String, Object> stop = GatewayFixtures.stopTransaction(transactionId, 52_000, startedAt.plusSeconds(3600));
            kafka.stop();
            try {
                assertThatThrownBy(() -> charger.call("StopTransaction", stop))
                        .isInstanceOfSatisfying(OcppCallError.class,
                                e -> assertThat(e.errorCode()).isEqualTo("InternalError"));
            } finally {
                kafka.start();
            }
            await().atMost(Duration.ofSeconds(90)).ignoreException(OcppCallError.class).until(() -> {
                charger.call("StopTransaction", stop);
                return true;
            });

            List<Envelope<?>> events = fixtures.ocppEvents(site.chargePointId());
            assertThat(events.stream().map(Envelope::data).filter(TransactionStarted.class::isInstance)
                    .map(TransactionStarted.class::cast)).singleElement().satisfies(event -> {
                        assertThat(event.transactionId()).isEqualTo(transactionId);
                        assertThat(event.timestamp()).isEqualTo(startedAt);
                    });
            assertThat(events.stream().map(Envelope::data).filter(TransactionStopped.class::isInstance)
                    .map(TransactionStopped.class::cast)).singleElement().satisfies(event -> {
                        assertThat(event.transactionId()).isEqualTo(transactionId);
                        assertThat(event.meterStopWh()).isEqualTo(52_000);
                    });
        } finally {
            kafka.start();
        }
    }

    /** Each outgoing channel's verdict in the reactive messaging readiness check: OK or KO. */
    private static Map<String, String> messagingReadiness(String health) {
        Map<String, String> data = JsonPath.from(health)
                .getMap("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data");
        Map<String, String> verdicts = new HashMap<>();
        data.forEach((channel, verdict) -> verdicts.put(channel, verdict.startsWith("[OK]") ? "OK" : "KO"));
        return verdicts;
    }
}
