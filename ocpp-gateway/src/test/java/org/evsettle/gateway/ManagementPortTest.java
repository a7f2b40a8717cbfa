package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
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
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    @Test
    void readinessChecksKafkaAndTheDatabaseOnTheManagementPort() {
        given().port(managementPort()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
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
    void healthAndMetricsAreNotServedOnThePublicPort() {
        String token = TestTokens.platformAdmin();
        given().auth().oauth2(token).get("/q/health/ready").then().statusCode(404);
        given().auth().oauth2(token).get("/q/metrics").then().statusCode(404);
    }
}
