package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargePointSimulator.HandshakeRefused;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.ManagementPort;
import org.evsettle.testkit.OcppCallError;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Health checks and Prometheus metrics answer on the management port only, so that an Ingress that
 * routes the service's own port never exposes them; readiness reflects Kafka and the database.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ManagementPortTest {

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    private static int managementPort() {
        return ManagementPort.port();
    }

    @Test
    void readinessChecksKafkaTheDatabaseAndTheRegistryOnTheManagementPort() {
        // awaited, not asked once: a test before this one may have taken Kafka away and given it back
        JsonPath ready = JsonPath.from(ManagementPort.awaitReady(Duration.ofSeconds(60)));

        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getList("checks.name", String.class)).contains("Database connections health check",
                "SmallRye Reactive Messaging - readiness check", "registry-projection");
        assertThat(ready.getString("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }"
                + ".data.'ocpp-commands'")).startsWith("[OK]");
    }

    @Test
    void livenessAnswersOnTheManagementPort() {
        given().port(managementPort()).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAnswerOnTheManagementPort() {
        given().port(managementPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void timesEveryAnsweredCallByActionWithoutLettingChargersInventTagValues() {
        try (ChargePointSimulator charger = GatewayFixtures.connect(GatewayFixtures.websocket(http), fixtures.aSite())) {
            charger.call("Heartbeat", Map.of());
            assertThatThrownBy(() -> charger.call("MadeUpAction" + UUID.randomUUID(), Map.of()))
                    .isInstanceOf(OcppCallError.class);
        }

        String metrics = given().port(managementPort()).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("ocpp_call_seconds_count{action=\"Heartbeat\",outcome=\"result\"}")
                .contains("ocpp_call_seconds{action=\"Heartbeat\",outcome=\"result\",quantile=\"0.99\"}")
                .contains("ocpp_call_seconds_count{action=\"other\",outcome=\"error\"}")
                .doesNotContain("MadeUpAction");
    }

    @Test
    void countsConnectionsAndRefusedHandshakesRatherThanLoggingEachAtInfo() {
        double opened = GatewayFixtures.metric("ocpp_connections_opened_total");
        GatewayFixtures.Site site = fixtures.aSite();
        URI gateway = GatewayFixtures.websocket(http);

        GatewayFixtures.connect(gateway, site).close();
        assertThatThrownBy(() -> ChargePointSimulator.connect(gateway, site.chargePointId(), "wrong-password-0123456789"))
                .isInstanceOf(HandshakeRefused.class);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(GatewayFixtures.metric("ocpp_connections_opened_total")).isGreaterThan(opened);
            assertThat(GatewayFixtures.metric("ocpp_connections_closed_total{reason=\"ended\"}")).isPositive();
            assertThat(GatewayFixtures.metric("ocpp_handshakes_refused_total{reason=\"not-admitted\"}")).isPositive();
            assertThat(ManagementPort.get("/q/metrics").body()).containsPattern("(?m)^ocpp_connections[ {]");
        });
    }

    @Test
    void healthAndMetricsAreNotServedOnThePublicPort() {
        String token = TestTokens.platformAdmin();
        given().auth().oauth2(token).get("/q/health/ready").then().statusCode(404);
        given().auth().oauth2(token).get("/q/metrics").then().statusCode(404);
    }
}
