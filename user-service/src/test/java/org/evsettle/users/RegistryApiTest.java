package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.anOperator;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.createSite;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.Topics;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

/** The registry's REST basics: creation, publication, validation, duplicates and who sees what. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RegistryApiTest {

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @Test
    void publishesACreatedOperatorToTheCompactedTopic() {
        UUID operatorId = createOperator();

        List<OperatorRecord> published = topics.readAll(Topics.REGISTRY_OPERATORS, OperatorRecord.class,
                r -> r.id().equals(operatorId), Duration.ofSeconds(3));

        assertThat(published).singleElement().satisfies(record -> {
            assertThat(record.legalName()).isEqualTo("Woonstichting De Linde");
            assertThat(record.timeZone()).isEqualTo("Europe/Amsterdam");
            assertThat(record.billingInterval()).isEqualTo("MONTHLY");
            assertThat(record.paymentTermDays()).isEqualTo(14);
        });
    }

    @Test
    void hidesAnotherOperatorFromAnOperatorAdminAs404() {
        UUID mine = createOperator();
        UUID theirs = createOperator();

        given().auth().oauth2(TestTokens.operatorAdmin(mine)).get("/api/operators/{id}", theirs)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.operatorAdmin(mine)).get("/api/operators")
                .then().statusCode(200).body("items.id", contains(mine.toString())).body("next", nullValue());
        given().auth().oauth2(TestTokens.operatorAdmin(mine)).get("/api/operators/{id}/drivers", theirs)
                .then().statusCode(404);
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        given().get("/api/operators").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/operators").then().statusCode(401);
    }

    @Test
    void letsOnlyPlatformAdminsCreateOperators() {
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(anOperator(o -> { })).post("/api/operators")
                .then().statusCode(403);
    }

    @Test
    void namesEveryBrokenFieldRuleInAProblem() {
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(anOperator(o -> {
                    o.put("iban", "not an iban");
                    o.remove("legalName");
                    o.put("address", Map.of("street", "x", "postalCode", "1", "city", "y", "countryCode", "Netherlands"));
                }))
                .post("/api/operators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:evsettle:problem:validation"))
                .body("violations.field", hasItem("iban"))
                .body("violations.field", hasItem("legalName"))
                .body("violations.field", hasItem("address.countryCode"));
    }

    @Test
    void rejectsAnUnknownTimeZoneNamingTheField() {
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(anOperator(o -> o.put("timeZone", "Europe/Atlantis")))
                .post("/api/operators")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("timeZone"));
    }

    @Test
    void showsAGeneratedChargerPasswordOnceAndPublishesOnlyItsHash() {
        UUID operatorId = createOperator();
        UUID siteId = createSite(operatorId);
        String chargePointId = "ZAP-" + UUID.randomUUID().toString().substring(0, 8);

        String password = given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("siteId", siteId, "chargePointId", chargePointId, "connectorCount", 2))
                .post("/api/operators/{o}/chargers", operatorId)
                .then().statusCode(201).extract().path("ocppPassword");
        String chargerId = given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .get("/api/operators/{o}/chargers", operatorId)
                .then().statusCode(200).body("items[0].ocppPassword", nullValue()).extract().path("items[0].id");

        ChargerRecord record = topics.readAll(Topics.REGISTRY_CHARGERS, ChargerRecord.class,
                r -> r.id().toString().equals(chargerId), Duration.ofSeconds(3)).get(0);
        assertThat(password).matches("[0-9A-F]{40}");
        assertThat(record.ocppPasswordHash()).doesNotContain(password);
        assertThat(OcppPasswordHash.matches(password, record.ocppPasswordHash())).isTrue();
        assertThat(record.connectorCount()).isEqualTo(2);
    }

    @Test
    void refusesASecondChargerWithTheSameChargePointId() {
        UUID operatorId = createOperator();
        UUID siteId = createSite(operatorId);
        Map<String, Object> charger = Map.of("siteId", siteId, "chargePointId", "DUP-" + UUID.randomUUID());

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON).body(charger)
                .post("/api/operators/{o}/chargers", operatorId).then().statusCode(201);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON).body(charger)
                .post("/api/operators/{o}/chargers", operatorId)
                .then().statusCode(409).body("type", equalTo("urn:evsettle:problem:conflict"));
    }

    @Test
    void refusesASiteOfAnotherOperator() {
        UUID operatorId = createOperator();
        UUID foreignSite = createSite(createOperator());

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("siteId", foreignSite, "chargePointId", "CP-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/operators/{o}/chargers", operatorId)
                .then().statusCode(400).body("violations[0].field", equalTo("siteId"));
    }

    @Test
    void storesCardsNormalizedAndUniquePerOperator() {
        UUID operatorId = createOperator();
        UUID driverId = createDriver(operatorId, "anna-" + UUID.randomUUID() + "@example.org");

        String cardId = given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("driverId", driverId, "idTag", "nfc-04:a2:b3:c4:d5:e6:80", "label", "Anna"))
                .post("/api/operators/{o}/cards", operatorId)
                .then().statusCode(201).body("idTag", equalTo("04A2B3C4D5E680")).extract().path("id");
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("driverId", driverId, "idTag", "04a2b3c4d5e680"))
                .post("/api/operators/{o}/cards", operatorId)
                .then().statusCode(409);

        CardRecord record = topics.readAll(Topics.REGISTRY_CARDS, CardRecord.class,
                r -> r.id().toString().equals(cardId), Duration.ofSeconds(3)).get(0);
        assertThat(record.driverId()).isEqualTo(driverId);
        assertThat(record.status()).isEqualTo("ACTIVE");
    }

    @Test
    void showsADriverOnlyTheirOwnProfileAndCards() {
        UUID operatorId = createOperator();
        UUID anna = createDriver(operatorId, "anna-" + UUID.randomUUID() + "@example.org");
        UUID bob = createDriver(operatorId, "bob-" + UUID.randomUUID() + "@example.org");
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("driverId", anna, "idTag", "AA11BB22")).post("/api/operators/{o}/cards", operatorId)
                .then().statusCode(201);
        String bobCard = given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("driverId", bob, "idTag", "CC33DD44")).post("/api/operators/{o}/cards", operatorId)
                .then().statusCode(201).extract().path("id");
        RegistryFixtures.linkAccount(operatorId, anna);
        String annasToken = TestTokens.driver(operatorId, anna);

        given().auth().oauth2(annasToken).get("/api/me").then().statusCode(200).body("id", equalTo(anna.toString()));
        given().auth().oauth2(annasToken).get("/api/me/cards").then().statusCode(200)
                .body("items.idTag", contains("AA11BB22"));
        given().auth().oauth2(annasToken).get("/api/drivers/{id}", bob).then().statusCode(404);
        given().auth().oauth2(annasToken).get("/api/cards/{id}", bobCard).then().statusCode(404);
        given().auth().oauth2(annasToken).get("/api/operators/{o}/drivers", operatorId).then().statusCode(403);
    }

    @Test
    void documentsTheApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/operators/{operatorId}/chargers"))
                .body(not(containsString("ocppPasswordHash")));
    }
}
