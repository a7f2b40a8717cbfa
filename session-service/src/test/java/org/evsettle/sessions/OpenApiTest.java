package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.OpenApiConventions;
import org.junit.jupiter.api.Test;

/** /q/openapi describes every endpoint as an integrator needs it, by the platform's conventions. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OpenApiTest {

    @Test
    void describesEveryEndpointByTheConventions() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Map<String, Object> paths = JsonPath.from(document).getMap("paths");

        assertThat(paths).containsKeys("/api/sessions", "/api/sessions/{sessionId}", "/api/me/sessions",
                "/api/sessions/{sessionId}/meter-values",
                "/api/sessions/{sessionId}/corrections", "/api/sessions/{sessionId}/release",
                "/api/reports/sessions", "/api/me/reports/sessions", "/api/quarantined-events", "/api/parked-events");
        assertThat(OpenApiConventions.violations(document)).isEmpty();
        assertThat(document).contains("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
