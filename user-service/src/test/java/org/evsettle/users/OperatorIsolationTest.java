package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.aChargePointId;
import static org.evsettle.users.RegistryFixtures.aDriver;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anIdTag;
import static org.evsettle.users.RegistryFixtures.anOperator;
import static org.evsettle.users.RegistryFixtures.address;
import static org.evsettle.users.RegistryFixtures.createCard;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.createSite;
import static org.evsettle.users.RegistryFixtures.linkAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Two operators side by side: everything of the other operator answers 404 to an operator admin and to
 * a driver, exactly as if it did not exist, and nothing of it changes; a platform admin sees both.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OperatorIsolationTest {

    /** One request: method, path with the other operator's ids filled in, and a valid body. */
    private record Call(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void answersEveryRequestForAnotherOperatorsDataWith404() {
        Tenant mine = Tenant.create();
        Tenant theirs = Tenant.create();
        String myAdmin = TestTokens.operatorAdmin(mine.operator);

        SoftAssertions softly = new SoftAssertions();
        for (Call call : callsOn(theirs, mine)) {
            RequestSpecification request = given().auth().oauth2(myAdmin);
            if (call.body() != null) {
                request.contentType(ContentType.JSON).body(call.body());
            }
            int status = request.request(call.method(), call.path()).statusCode();
            softly.assertThat(status).as(call.toString()).isEqualTo(404);
        }
        softly.assertAll();

        given().auth().oauth2(TestTokens.operatorAdmin(theirs.operator)).get("/api/cards/{c}", theirs.card)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("revision", equalTo(0));
        given().auth().oauth2(TestTokens.operatorAdmin(theirs.operator)).get("/api/chargers/{c}", theirs.charger)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("revision", equalTo(0));
        given().auth().oauth2(TestTokens.operatorAdmin(theirs.operator)).get("/api/drivers/{d}", theirs.driver)
                .then().statusCode(200).body("revision", equalTo(0));
    }

    @Test
    void showsADriverNothingOfAnotherOperatorOrAnotherDriver() {
        Tenant mine = Tenant.create();
        Tenant theirs = Tenant.create();
        UUID neighbour = createDriver(mine.operator, anEmail("neighbour"));
        UUID neighboursCard = createCard(mine.operator, neighbour, anIdTag());
        linkAccount(mine.operator, mine.driver);
        String me = TestTokens.driver(mine.operator, mine.driver);

        for (String path : List.of("/api/drivers/" + theirs.driver, "/api/cards/" + theirs.card,
                "/api/drivers/" + neighbour, "/api/cards/" + neighboursCard)) {
            given().auth().oauth2(me).get(path).then().statusCode(404);
        }
        given().auth().oauth2(me).post("/api/me/cards/{c}/lost", neighboursCard).then().statusCode(404);
        given().auth().oauth2(me).get("/api/operators/{o}/cards", mine.operator).then().statusCode(403);
        given().auth().oauth2(me).get("/api/me/cards").then().statusCode(200)
                .body("items.id", hasItem(mine.card.toString())).body("items.id", not(hasItem(neighboursCard.toString())));
    }

    @Test
    void letsAPlatformAdminManageEveryOperator() {
        Tenant one = Tenant.create();
        Tenant two = Tenant.create();

        assertThat(RegistryFixtures.listAll(TestTokens.platformAdmin(), "/api/operators", "id"))
                .contains(one.operator.toString(), two.operator.toString());
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/cards/{c}", two.card).then().statusCode(200);
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body(Map.of("reason", "audit"))
                .post("/api/cards/{c}/block", one.card).then().statusCode(200);
    }

    private static List<Call> callsOn(Tenant theirs, Tenant mine) {
        String operator = "/api/operators/" + theirs.operator;
        Map<String, Object> site = Map.of("name", "Garage", "address", address());
        Map<String, Object> placement = Map.of("siteId", theirs.site);
        return List.of(
                new Call("GET", operator, null),
                new Call("PUT", operator, anOperator(o -> { })),
                new Call("POST", operator + "/charger-enrollment-key", null),
                new Call("GET", operator + "/sites", null),
                new Call("POST", operator + "/sites", site),
                new Call("GET", "/api/sites/" + theirs.site, null),
                new Call("PUT", "/api/sites/" + theirs.site, site),
                new Call("GET", operator + "/chargers", null),
                new Call("POST", operator + "/chargers", Map.of("siteId", theirs.site, "chargePointId", aChargePointId())),
                new Call("GET", "/api/chargers/" + theirs.charger, null),
                new Call("PUT", "/api/chargers/" + theirs.charger, placement),
                new Call("POST", "/api/chargers/" + theirs.charger + "/approve", placement),
                new Call("POST", "/api/chargers/" + theirs.charger + "/decommission", null),
                new Call("POST", "/api/chargers/" + theirs.charger + "/ocpp-password", Map.of()),
                new Call("GET", operator + "/drivers", null),
                new Call("POST", operator + "/drivers", aDriver(anEmail("intruder"), d -> { })),
                new Call("GET", "/api/drivers/" + theirs.driver, null),
                new Call("PUT", "/api/drivers/" + theirs.driver, aDriver(anEmail("renamed"), d -> { })),
                new Call("PUT", "/api/drivers/" + theirs.driver + "/account", Map.of("accountId", UUID.randomUUID())),
                new Call("DELETE", "/api/drivers/" + theirs.driver + "/account", null),
                new Call("GET", operator + "/cards", null),
                new Call("POST", operator + "/cards", Map.of("driverId", theirs.driver, "idTag", anIdTag())),
                new Call("GET", "/api/cards/" + theirs.card, null),
                new Call("PUT", "/api/cards/" + theirs.card, Map.of("driverId", theirs.driver)),
                new Call("POST", "/api/cards/" + theirs.card + "/block", Map.of()),
                new Call("POST", "/api/cards/" + theirs.card + "/unblock", null),
                new Call("POST", "/api/cards/" + theirs.card + "/lost", Map.of()),
                new Call("GET", operator + "/imports/drivers/template", null),
                // my card's driver may not become theirs, nor my card move to their driver
                new Call("PUT", "/api/cards/" + theirs.card, Map.of("driverId", mine.driver)));
    }

    /** An operator with a site, an active charger, a driver and an active card. */
    private record Tenant(UUID operator, UUID site, UUID charger, UUID driver, UUID card) {
        static Tenant create() {
            UUID operatorId = createOperator();
            UUID siteId = createSite(operatorId);
            UUID chargerId = UUID.fromString(given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                    .contentType(ContentType.JSON).body(Map.of("siteId", siteId, "chargePointId", aChargePointId()))
                    .post("/api/operators/{o}/chargers", operatorId).then().statusCode(201).extract().path("id"));
            UUID driverId = createDriver(operatorId, anEmail("anna"));
            return new Tenant(operatorId, siteId, chargerId, driverId, createCard(operatorId, driverId, anIdTag()));
        }
    }
}
