package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.OpenApiConventions;
import org.junit.jupiter.api.Test;

/** /q/openapi describes every endpoint as an integrator needs it, by the platform's conventions, and never a secret's hash. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OpenApiTest {

    @Test
    void describesEveryEndpointByTheConventions() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Map<String, Object> paths = JsonPath.from(document).getMap("paths");

        assertThat(paths).containsKeys(
                "/api/operators", "/api/operators/{operatorId}", "/api/operators/{operatorId}/charger-enrollment-key",
                "/api/operators/{operatorId}/sites", "/api/sites/{siteId}",
                "/api/operators/{operatorId}/chargers", "/api/chargers/{chargerId}",
                "/api/chargers/{chargerId}/approve", "/api/chargers/{chargerId}/decommission",
                "/api/chargers/{chargerId}/ocpp-password",
                "/api/operators/{operatorId}/drivers", "/api/drivers/{driverId}", "/api/drivers/{driverId}/account",
                "/api/operators/{operatorId}/imports/drivers", "/api/operators/{operatorId}/imports/drivers/template",
                "/api/operators/{operatorId}/cards", "/api/cards/{cardId}", "/api/cards/{cardId}/block",
                "/api/cards/{cardId}/unblock", "/api/cards/{cardId}/lost",
                "/api/me", "/api/me/cards", "/api/me/cards/{cardId}/lost",
                "/api/quarantined-events", "/api/parked-events");
        assertThat(OpenApiConventions.violations(document)).isEmpty();
        assertThat(document).doesNotContain("ocppPasswordHash").doesNotContain("chargerEnrollmentKeyHash")
                .contains("text/csv");
    }
}
