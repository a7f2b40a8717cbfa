package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.aDriver;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anIdTag;
import static org.evsettle.users.RegistryFixtures.createCard;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.linkAccount;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.SepaMandate;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** Drivers as people: their login, their own profile and cards, lost cards, mandates, and becoming inactive. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DriverAccountTest {

    private final PublishedRegistry registry = PublishedRegistry.shared();

    @Test
    void linksAKeycloakAccountWhoseTokensThenSeeTheDriversOwnData() {
        UUID operatorId = createOperator();
        UUID driverId = createDriver(operatorId, anEmail("anna"));
        createCard(operatorId, driverId, "AA11BB22");
        String username = "anna-" + UUID.randomUUID();
        String accountId = subjectOf(username);

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("accountId", accountId)).put("/api/drivers/{d}/account", driverId)
                .then().statusCode(200).body("accountId", equalTo(accountId));

        // a token of that account without driver_id finds the driver by the link
        String accountToken = TestTokens.sign(username, List.of("driver"), Map.of("operator_id", operatorId.toString()));
        given().auth().oauth2(accountToken).get("/api/me").then().statusCode(200).body("id", equalTo(driverId.toString()));
        given().auth().oauth2(accountToken).get("/api/me/cards").then().statusCode(200).body("items.idTag", contains("AA11BB22"));
        given().auth().oauth2(accountToken).get("/api/drivers/{d}", driverId).then().statusCode(200);
        // a token naming the driver by driver_id is the driver only if it is of that account
        String namingToken = TestTokens.driver(operatorId, driverId, accountId);
        given().auth().oauth2(namingToken).get("/api/me").then().statusCode(200).body("id", equalTo(driverId.toString()));
        given().auth().oauth2(TestTokens.driver(operatorId, driverId)).get("/api/me").then().statusCode(404);
        assertThat(registry.awaitLatest(DriverRecord.class, driverId, r -> r.revision() == 1).accountId())
                .isEqualTo(accountId);

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).delete("/api/drivers/{d}/account", driverId)
                .then().statusCode(200).body("accountId", nullValue());
        given().auth().oauth2(accountToken).get("/api/me").then().statusCode(404);
        // unlinked, no token is the driver any more, not even one that names it by driver_id
        given().auth().oauth2(namingToken).get("/api/me").then().statusCode(404);
        given().auth().oauth2(namingToken).get("/api/me/cards").then().statusCode(404);
        given().auth().oauth2(namingToken).get("/api/drivers/{d}", driverId).then().statusCode(404);
        assertThat(registry.awaitLatest(DriverRecord.class, driverId, r -> r.revision() == 2).accountId()).isNull();
    }

    @Test
    void trustsNoTokenForADriverNeverLinkedToAnAccount() {
        UUID operatorId = createOperator();
        UUID driverId = createDriver(operatorId, anEmail("anna"));

        given().auth().oauth2(TestTokens.driver(operatorId, driverId)).get("/api/me").then().statusCode(404)
                .contentType("application/problem+json");
        linkAccount(operatorId, driverId);
        given().auth().oauth2(TestTokens.driver(operatorId, driverId)).get("/api/me").then().statusCode(200);
    }

    @Test
    void linksAnAccountToOneDriverOnly() {
        UUID operatorId = createOperator();
        UUID anna = createDriver(operatorId, anEmail("anna"));
        UUID bob = createDriver(operatorId, anEmail("bob"));
        String accountId = UUID.randomUUID().toString();
        String admin = TestTokens.operatorAdmin(operatorId);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("accountId", accountId))
                .put("/api/drivers/{d}/account", anna).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("accountId", accountId))
                .put("/api/drivers/{d}/account", bob).then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("accountId", "no spaces allowed"))
                .put("/api/drivers/{d}/account", bob)
                .then().statusCode(400).body("violations[0].field", equalTo("accountId"));
    }

    @Test
    void letsADriverReportTheirOwnCardLostAtOnce() {
        UUID operatorId = createOperator();
        UUID anna = createDriver(operatorId, anEmail("anna"));
        UUID bob = createDriver(operatorId, anEmail("bob"));
        UUID annasCard = createCard(operatorId, anna, anIdTag());
        UUID bobsCard = createCard(operatorId, bob, anIdTag());
        linkAccount(operatorId, anna);
        String annasToken = TestTokens.driver(operatorId, anna);

        given().auth().oauth2(annasToken).post("/api/me/cards/{c}/lost", annasCard)
                .then().statusCode(200).body("status", equalTo("LOST"))
                .body("statusReason", equalTo("reported lost by the driver"));
        given().auth().oauth2(annasToken).post("/api/me/cards/{c}/lost", annasCard).then().statusCode(409);
        given().auth().oauth2(annasToken).post("/api/me/cards/{c}/lost", bobsCard).then().statusCode(404);
        given().auth().oauth2(TestTokens.driver(createOperator(), anna)).post("/api/me/cards/{c}/lost", annasCard)
                .then().statusCode(404);

        assertThat(registry.awaitLatest(CardRecord.class, annasCard, r -> r.revision() == 1).status()).isEqualTo("LOST");
        assertThat(registry.awaitLatest(CardRecord.class, bobsCard).status()).isEqualTo("ACTIVE");
        // an admin cannot unblock a lost card: it never authorizes again
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).post("/api/cards/{c}/unblock", annasCard)
                .then().statusCode(409);
    }

    @Test
    void blocksTheCardsOfADriverWhoBecomesInactiveAndUnblocksThemOnReturn() {
        UUID operatorId = createOperator();
        String email = anEmail("anna");
        UUID driverId = createDriver(operatorId, email);
        UUID card = createCard(operatorId, driverId, anIdTag());
        UUID blockedByAdmin = createCard(operatorId, driverId, anIdTag());
        String admin = TestTokens.operatorAdmin(operatorId);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cards/{c}/block", blockedByAdmin).then().statusCode(200);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(aDriver(email, d -> d.put("status", "INACTIVE")))
                .put("/api/drivers/{d}", driverId).then().statusCode(200).body("status", equalTo("INACTIVE"));
        assertThat(registry.awaitLatest(CardRecord.class, card, r -> r.revision() == 1).statusReason())
                .isEqualTo("driver is inactive");
        given().auth().oauth2(admin).post("/api/cards/{c}/unblock", card).then().statusCode(409);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(aDriver(email, d -> d.put("status", "ACTIVE")))
                .put("/api/drivers/{d}", driverId).then().statusCode(200);
        assertThat(registry.awaitLatest(CardRecord.class, card, r -> r.revision() == 2).status()).isEqualTo("ACTIVE");
        given().auth().oauth2(admin).get("/api/cards/{c}", blockedByAdmin)
                .then().body("status", equalTo("BLOCKED")).body("blockCause", equalTo("ADMIN"));
        assertThat(registry.awaitLatest(DriverRecord.class, driverId, r -> r.revision() == 2).status()).isEqualTo("ACTIVE");
    }

    @Test
    void publishesASepaMandateAndChecksItsIban() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        Map<String, Object> mandate = Map.of("mandateId", "LINDE-0001", "signedOn", "2026-01-15",
                "iban", "BE68539007547034", "bic", "GKCCBEBB");

        UUID driverId = createDriver(operatorId, anEmail("anna"), d -> {
            d.put("sepaMandate", mandate);
            d.put("companyName", "De Vries Consultancy");
            d.put("companyVatNumber", "BE0123456789");
        });
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(aDriver(anEmail("bob"), d -> d.put("sepaMandate", Map.of("mandateId", "X", "signedOn",
                        LocalDate.now().plusDays(2).toString(), "iban", "BE68539007547035"))))
                .post("/api/operators/{o}/drivers", operatorId)
                .then().statusCode(400)
                .body("violations.field", hasItem("sepaMandate.iban"))
                .body("violations.field", hasItem("sepaMandate.signedOn"));

        DriverRecord record = registry.awaitLatest(DriverRecord.class, driverId);
        assertThat(record.sepaMandate()).isEqualTo(new SepaMandate("LINDE-0001", LocalDate.of(2026, 1, 15),
                "BE68539007547034", "GKCCBEBB"));
        assertThat(record.companyVatNumber()).isEqualTo("BE0123456789");
    }

    @Test
    void refusesASecondDriverWithTheSameEmailEvenInOtherCase() {
        UUID operatorId = createOperator();
        String email = anEmail("anna");
        createDriver(operatorId, email);

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(aDriver(email.toUpperCase(), d -> { })).post("/api/operators/{o}/drivers", operatorId)
                .then().statusCode(409);
        // another operator may have a driver with that e-mail
        UUID other = createOperator();
        createDriver(other, email);
    }

    /** The subject TestTokens gives a username's tokens, as Keycloak gives a user id. */
    private static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes()).toString();
    }
}
