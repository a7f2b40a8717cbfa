package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.aDriver;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anIdTag;
import static org.evsettle.users.RegistryFixtures.createCard;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** Erasing a driver: what goes, what is published, who may, and when it is refused. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DriverErasureTest {

    private final PublishedRegistry registry = PublishedRegistry.shared();

    @Test
    void erasesThePersonalDataPublishesTheErasedRecordAndBlocksTheCardsForGood() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        String email = anEmail("anna");
        UUID driverId = createDriver(operatorId, email, d -> {
            d.put("name", "Anna Verbeek");
            d.put("sepaMandate", Map.of("mandateId", "LINDE-0001", "signedOn", "2026-01-15",
                    "iban", "BE68539007547034", "bic", "GKCCBEBB"));
            d.put("companyName", "Verbeek Advies");
        });
        UUID card = UUID.fromString(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("driverId", driverId, "idTag", anIdTag(), "label", "Anna's Tesla"))
                .post("/api/operators/{o}/cards", operatorId).then().statusCode(201).extract().path("id"));
        UUID lost = createCard(operatorId, driverId, anIdTag());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/cards/{c}/lost", lost).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("accountId", UUID.randomUUID().toString()))
                .put("/api/drivers/{d}/account", driverId).then().statusCode(200);

        given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", driverId).then().statusCode(200)
                .body("status", equalTo("ERASED")).body("name", startsWith("Erased driver "))
                .body("email", nullValue()).body("billingAddress", nullValue()).body("sepaMandate", nullValue())
                .body("companyName", nullValue()).body("accountId", nullValue());

        DriverRecord record = registry.awaitLatest(DriverRecord.class, driverId, r -> "ERASED".equals(r.status()));
        assertThat(record.name()).isEqualTo("Erased driver " + driverId.toString().substring(0, 8));
        assertThat(record.email()).isNull();
        assertThat(record.billingAddress()).isNull();
        assertThat(record.sepaMandate()).isNull();
        assertThat(record.accountId()).isNull();
        assertThat(record.companyName()).isNull();
        assertThat(record.toString()).doesNotContain("Anna", "Verbeek", email, "BE68539007547034");
        CardRecord blocked = registry.awaitLatest(CardRecord.class, card, r -> "BLOCKED".equals(r.status()));
        assertThat(blocked.label()).isNull();
        assertThat(blocked.statusReason()).isEqualTo("driver is erased");
        assertThat(registry.awaitLatest(CardRecord.class, lost).status()).isEqualTo("LOST");
        // no one lifts the block, and the pseudonym takes no new data
        given().auth().oauth2(admin).post("/api/cards/{c}/unblock", card).then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(aDriver(email, d -> { }))
                .put("/api/drivers/{d}", driverId).then().statusCode(409);
        // the e-mail is free for the person to be registered again
        createDriver(operatorId, email);

        // erasing again changes nothing
        long revision = given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", driverId).then().statusCode(200)
                .extract().jsonPath().getLong("revision");
        assertThat(revision).isEqualTo(record.revision());
        given().auth().oauth2(admin).get("/api/operators/{o}/drivers?status=ERASED", operatorId).then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(driverId.toString())));
    }

    @Test
    void refusesToEraseADriverWithAnUnpaidOverdueInvoice() {
        UUID operatorId = createOperator();
        UUID driverId = createDriver(operatorId, anEmail("anna"));
        UUID invoiceId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            DunningInvoice invoice = new DunningInvoice();
            invoice.invoiceId = invoiceId;
            invoice.operatorId = operatorId;
            invoice.driverId = driverId;
            invoice.number = "LINDE-2026-000042";
            invoice.dueDate = LocalDate.now().minusDays(20);
            invoice.daysOverdue = 20;
            invoice.reminderStep = "FIRST_REMINDER";
            invoice.updatedAt = Instant.now();
            invoice.persist();
        });
        String admin = TestTokens.operatorAdmin(operatorId);

        given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", driverId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Driver " + driverId + " has 1 overdue invoice(s), LINDE-2026-000042 first;"
                        + " collect or write them off before erasing the driver"));

        QuarkusTransaction.requiringNew().run(() -> DunningInvoice.<DunningInvoice>findById(invoiceId).paidOn = LocalDate.now());
        given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", driverId).then().statusCode(200)
                .body("status", equalTo("ERASED"));
    }

    @Test
    void letsOnlyAdminsOfTheDriversOperatorErase() {
        UUID operatorId = createOperator();
        UUID driverId = createDriver(operatorId, anEmail("anna"));

        given().auth().oauth2(TestTokens.operatorAdmin(createOperator())).post("/api/drivers/{d}/erasure", driverId)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.driver(operatorId, driverId)).post("/api/drivers/{d}/erasure", driverId)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(aDriver(anEmail("bob"), d -> d.put("status", "ERASED")))
                .post("/api/operators/{o}/drivers", operatorId).then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.platformAdmin()).post("/api/drivers/{d}/erasure", driverId)
                .then().statusCode(200).body("status", equalTo("ERASED"));
    }
}
