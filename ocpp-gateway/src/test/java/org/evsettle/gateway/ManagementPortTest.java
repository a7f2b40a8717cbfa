package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Health checks and Prometheus metrics answer on the management port only, so that an Ingress that
 * routes the service's own port never exposes them; readiness reflects Kafka and the database.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ManagementPortTest {

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
    void healthAndMetricsAreNotServedOnThePublicPort() {
        String token = TestTokens.platformAdmin();
        given().auth().oauth2(token).get("/q/health/ready").then().statusCode(404);
        given().auth().oauth2(token).get("/q/metrics").then().statusCode(404);
    }
}
