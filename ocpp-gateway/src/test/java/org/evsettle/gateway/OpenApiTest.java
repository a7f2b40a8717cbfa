package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.OpenApiConventions;
import org.junit.jupiter.api.Test;

/** /q/openapi describes every endpoint of the gateway as every service does (OpenApiConventions). */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OpenApiTest {

    private static final String COMMANDS = "/api/chargers/{chargePointId}/commands/{action}";
    private static final String CONNECTION = "/api/chargers/{chargePointId}/connection";
    private static final String CONNECTIONS = "/api/chargers/connections";
    private static final String CERTIFICATE = "/api/chargers/{chargePointId}/certificate";
    private static final String CERTIFICATES = "/api/chargers/{chargePointId}/certificates";
    private static final String CERTIFICATE_SERIAL = "/api/chargers/{chargePointId}/certificates/{serial}";
    private static final String RESERVATIONS = "/api/chargers/{chargePointId}/reservations";
    private static final String SITE_LOAD = "/api/sites/{siteId}/load";

    @Test
    void describesEveryEndpointByThePlatformsConventions() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();

        assertThat(JsonPath.from(document).getMap("paths")).containsOnlyKeys(COMMANDS, CONNECTION, CONNECTIONS,
                CERTIFICATE, CERTIFICATES, CERTIFICATE_SERIAL, RESERVATIONS, SITE_LOAD);
        assertThat(OpenApiConventions.violations(document)).isEmpty();
    }

    @Test
    void namesTheCommandsAChargerCanBeSentAndTheOwnErrors() {
        JsonPath document = JsonPath.from(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        String send = "paths.'" + COMMANDS + "'.post";

        String action = send + ".parameters.find { it.name == 'action' }.schema";
        String ref = document.getString(action + ".'$ref'");
        String schema = ref == null ? action : "components.schemas." + ref.substring(ref.lastIndexOf('/') + 1);
        assertThat(document.getList(schema + ".enum", String.class))
                .contains("Reset", "RemoteStartTransaction", "GetLocalListVersion", "ExtendedTriggerMessage");
        assertThat(document.getMap(send + ".responses")).containsKeys("200", "400", "404");
        assertThat(document.getMap("paths.'" + CONNECTION + "'.get.responses")).containsKeys("200", "404");
        assertThat(document.getMap("paths.'" + CERTIFICATE + "'.post.responses")).containsKeys("200", "404", "409");
        assertThat(document.getMap("paths.'" + CERTIFICATE_SERIAL + "'.delete.responses")).containsKeys("204", "404");
    }
}
