package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.createCard;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.createSite;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every list of the registry pages by keyset ({@code {items, next}}, in a fixed order, no item twice or
 * skipped), reads its enum filters in any case, answering 400 that names the allowed values, and answers
 * 404 for a list of an operator or driver that is not the caller's.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RegistryListTest {

    @Test
    void pagesAnOperatorsDriversByNameUntilAPageHasNoNext() {
        UUID operatorId = createOperator();
        for (String name : List.of("Eva", "Bram", "Daan", "Anna", "Cas")) {
            createDriver(operatorId, anEmail(name.toLowerCase()), d -> d.put("name", name));
        }
        String admin = TestTokens.operatorAdmin(operatorId);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(admin).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/operators/{o}/drivers", operatorId).then().statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("items.name", String.class));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly("Anna", "Bram", "Cas", "Daan", "Eva");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void pagesSitesCardsAndMyCardsTheSameWay() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        createSite(operatorId);
        createSite(operatorId);
        UUID driverId = createDriver(operatorId, anEmail("anna"));
        createCard(operatorId, driverId, "04AA000000000B");
        createCard(operatorId, driverId, "04AA000000000A");
        createCard(operatorId, driverId, "04AA000000000C");

        given().auth().oauth2(admin).queryParam("limit", 1).get("/api/operators/{o}/sites", operatorId)
                .then().statusCode(200).body("items.size()", equalTo(1)).body("next", notNullValue());
        String next = given().auth().oauth2(admin).queryParam("limit", 2).get("/api/operators/{o}/cards", operatorId)
                .then().statusCode(200).body("items.idTag", contains("04AA000000000A", "04AA000000000B"))
                .extract().path("next");
        given().auth().oauth2(admin).queryParam("limit", 2).queryParam("cursor", next)
                .get("/api/operators/{o}/cards", operatorId)
                .then().statusCode(200).body("items.idTag", contains("04AA000000000C")).body("next", nullValue());
        RegistryFixtures.linkAccount(operatorId, driverId);
        given().auth().oauth2(TestTokens.driver(operatorId, driverId)).queryParam("limit", 3).get("/api/me/cards")
                .then().statusCode(200).body("items.idTag", contains("04AA000000000A", "04AA000000000B",
                        "04AA000000000C")).body("next", nullValue());
    }

    @Test
    void filtersByStatusInAnyCaseAndNamesTheAllowedValuesOfAnUnknownOne() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        UUID driverId = createDriver(operatorId, anEmail("anna"));
        UUID blocked = createCard(operatorId, driverId, RegistryFixtures.anIdTag());
        createCard(operatorId, driverId, RegistryFixtures.anIdTag());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "audit"))
                .post("/api/cards/{c}/block", blocked).then().statusCode(200);

        given().auth().oauth2(admin).queryParam("status", "blocked").get("/api/operators/{o}/cards", operatorId)
                .then().statusCode(200).body("items.id", contains(blocked.toString()));
        given().auth().oauth2(admin).queryParam("status", "stolen").get("/api/operators/{o}/cards", operatorId)
                .then().statusCode(400).body("violations[0].field", equalTo("status"))
                .body("violations[0].message", containsString("ACTIVE, BLOCKED, LOST, EXPIRED"));
        given().auth().oauth2(admin).queryParam("status", "retired").get("/api/operators/{o}/chargers", operatorId)
                .then().statusCode(400).body("violations[0].message", containsString("PENDING_APPROVAL"));
        given().auth().oauth2(admin).queryParam("status", "gone").get("/api/operators/{o}/drivers", operatorId)
                .then().statusCode(400).body("violations[0].message", containsString("ACTIVE, INACTIVE"));
    }

    @Test
    void refusesBadLimitsAndCursorsNamingTheParameter() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);

        given().auth().oauth2(admin).queryParam("limit", 0).get("/api/operators/{o}/sites", operatorId)
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        given().auth().oauth2(admin).queryParam("cursor", "not-a-cursor").get("/api/operators/{o}/chargers", operatorId)
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID())).get("/api/operators/{o}/drivers", operatorId)
                .then().statusCode(404);
    }

    @Test
    void answers404ForACardListFilteredToAnotherOperatorsDriver() {
        UUID mine = createOperator();
        UUID theirs = createOperator();
        UUID theirDriver = createDriver(theirs, anEmail("neighbour"));
        createCard(theirs, theirDriver, RegistryFixtures.anIdTag());

        given().auth().oauth2(TestTokens.operatorAdmin(mine)).queryParam("driverId", theirDriver)
                .get("/api/operators/{o}/cards", mine).then().statusCode(404);
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("driverId", theirDriver)
                .get("/api/operators/{o}/cards", mine).then().statusCode(404);
    }
}
