package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.evsettle.gateway.api.ConnectionsResource;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ConnectionApiTest {

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void showsTheOperatorAdminTheConnectionOfItsCharger() {
        GatewayFixtures.Site site = fixtures.aSite();

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            charger.call("BootNotification", GatewayFixtures.boot());
            charger.call("StatusNotification", Map.of("connectorId", 1, "errorCode", "NoError",
                    "status", "Charging", "timestamp", "2026-03-29T00:45:00Z"));

            given().auth().oauth2(TestTokens.operatorAdmin(site.operatorId()))
                    .get("/api/chargers/{cp}/connection", site.chargePointId())
                    .then().statusCode(200)
                    .body("chargePointId", equalTo(site.chargePointId()))
                    .body("connected", equalTo(true))
                    .body("connectedSince", notNullValue())
                    .body("lastSeen", notNullValue())
                    .body("vendor", equalTo("Zaptec"))
                    .body("model", equalTo("Go2"))
                    .body("firmwareVersion", equalTo("3.2.1.0"))
                    .body("subprotocol", equalTo("ocpp1.6"))
                    .body("connectors[0].connectorId", equalTo(1))
                    .body("connectors[0].status", equalTo("Charging"))
                    .body("connectors[0].errorCode", equalTo("NoError"))
                    .body("connectors[0].timestamp", equalTo("2026-03-29T00:45:00Z"));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.platformAdmin())
                        .get("/api/chargers/{cp}/connection", site.chargePointId())
                        .then().statusCode(200).body("connected", equalTo(false)));
    }

    @Test
    void hidesTheChargerFromAnotherOperatorAs404() {
        GatewayFixtures.Site site = fixtures.aSite();
        GatewayFixtures.connect(gateway(), site).close();

        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID()))
                .get("/api/chargers/{cp}/connection", site.chargePointId())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.platformAdmin())
                .get("/api/chargers/{cp}/connection", "NOBODY-" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void showsTheConnectionsOfSeveralChargersInOneAnswerLeavingOutOthers() {
        GatewayFixtures.Site site = fixtures.aSite();
        GatewayFixtures.Site otherOperators = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            charger.call("BootNotification", GatewayFixtures.boot());

            // the boot reaches the presence table by its batching writer, a moment after its answer
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                    .auth().oauth2(TestTokens.operatorAdmin(site.operatorId()))
                    .queryParam("chargePointId", otherOperators.chargePointId(), site.chargePointId(),
                            "NOBODY-" + UUID.randomUUID(), site.chargePointId())
                    .get("/api/chargers/connections")
                    .then().statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].chargePointId", equalTo(site.chargePointId()))
                    .body("[0].connected", equalTo(true))
                    .body("[0].vendor", equalTo("Zaptec")));
            given().auth().oauth2(TestTokens.platformAdmin())
                    .queryParam("chargePointId", otherOperators.chargePointId(), site.chargePointId())
                    .get("/api/chargers/connections")
                    .then().statusCode(200)
                    .body("chargePointId", contains(otherOperators.chargePointId(), site.chargePointId()))
                    .body("connected", contains(false, true));
        }
    }

    @Test
    void refusesAListOfNoChargersOrOfTooMany() {
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/chargers/connections")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.platformAdmin())
                .queryParam("chargePointId", IntStream.rangeClosed(0, ConnectionsResource.MAX_CHARGERS).mapToObj(i -> "CP-" + i).toArray())
                .get("/api/chargers/connections")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void refusesACallerWithoutAToken() {
        given().get("/api/chargers/{cp}/connection", "ANY-1").then().statusCode(401);
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
