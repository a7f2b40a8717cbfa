package org.evsettle.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.SepaMandate;
import org.evsettle.outbox.audit.AuditChanges;
import org.evsettle.outbox.audit.AuditTrail;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** The shared audit trail: who, what changed (masked), read per operator in pages; erasure of a person's values. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AuditTrailTest {

    @Inject
    AuditTrail trail;

    /** A registry-like state with an address and a mandate, as a record would carry them. */
    record Holder(String name, String email, Address address, SepaMandate mandate, String ocppPasswordHash) {
    }

    @Test
    void anAdminsChangeIsRecordedWithTheTokensSubjectAndNameAndTheIbanMasked() {
        UUID operatorId = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        String token = TestTokens.sign("els", List.of("operator-admin"),
                Map.of("operator_id", operatorId.toString(), "name", "Els Janssens"));
        given().auth().oauth2(token).post("/test/audited/{o}/{e}", operatorId, account).then().statusCode(204);

        given().auth().oauth2(token).get("/api/operators/{o}/audit-entries", operatorId).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].actorSubject", equalTo(UUID.nameUUIDFromBytes("els".getBytes()).toString()))
                .body("items[0].actorName", equalTo("Els Janssens"))
                .body("items[0].operatorId", equalTo(operatorId.toString()))
                .body("items[0].entityType", equalTo("Account"))
                .body("items[0].entityId", equalTo(account.toString()))
                .body("items[0].action", equalTo("RENAMED"))
                .body("items[0].changes.name.before", equalTo("Old name"))
                .body("items[0].changes.name.after", equalTo("New name"))
                .body("items[0].changes.iban.before", equalTo("NL91**********4300"))
                .body("items[0].changes.iban.after", equalTo("NL02**********6789"))
                .body("items[0].changes.city", nullValue());
        // another operator's admin, and a driver, see nothing of it
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID()))
                .get("/api/operators/{o}/audit-entries", operatorId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.driver(operatorId, UUID.randomUUID()))
                .get("/api/operators/{o}/audit-entries", operatorId).then().statusCode(403);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/audit-entries").then().statusCode(403);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/audit-entries?entityId=" + account).then()
                .statusCode(200).body("items.entityId", contains(account.toString()));
        given().auth().oauth2(token).get("/api/operators/{o}/audit-entries?from=yesterday", operatorId).then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
    }

    @Test
    void aStateIsComparedWithTheLastOneKeptAndAnUnchangedStateLeavesNoEntry() {
        UUID operatorId = UUID.randomUUID();
        UUID holder = UUID.randomUUID();
        Address utrecht = new Address("Lindelaan 12", "3581 AB", "Utrecht", "NL");
        SepaMandate mandate = new SepaMandate("M-1", java.time.LocalDate.of(2026, 1, 15), "BE68539007547034", null);
        QuarkusTransaction.requiringNew().run(() -> {
            trail.recordState(operatorId, "Holder", holder, new Holder("Anna", "anna@example.org", utrecht, mandate, "h1"));
            trail.recordState(operatorId, "Holder", holder, new Holder("Anna", "anna@example.org", utrecht, mandate, "h1"));
            trail.recordState(operatorId, "Holder", holder, new Holder("Anna", "anna@example.org",
                    new Address("Lindelaan 14", "3581 AB", "Utrecht", "NL"), mandate, "h2"));
        });

        JsonPath entries = page(operatorId, "entityType=Holder&entityId=" + holder + "&limit=1");
        assertThat(entries.getString("items[0].action")).isEqualTo("UPDATED");
        assertThat(entries.getMap("items[0].changes")).containsOnlyKeys("address.street", "ocppPasswordHash");
        assertThat(entries.getString("items[0].changes.'address.street'.before")).isEqualTo("Lindelaan 12");
        assertThat(entries.getString("items[0].changes.ocppPasswordHash.after")).startsWith(AuditChanges.SECRET)
                .doesNotContain("h2").isNotEqualTo(entries.getString("items[0].changes.ocppPasswordHash.before"));
        assertThat(entries.getString("items[0].actorSubject")).isEqualTo(AuditTrail.SYSTEM);
        JsonPath first = given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).queryParam("entityType", "Holder")
                .queryParam("limit", 1).queryParam("cursor", entries.getString("next"))
                .get("/api/operators/{o}/audit-entries", operatorId).then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("items[0].action")).isEqualTo("CREATED");
        assertThat(first.getString("items[0].changes.'mandate.iban'.after")).isEqualTo("BE68********7034");
        assertThat(first.getString("next")).isNull();

        int erased = QuarkusTransaction.requiringNew().call(() -> trail.erasePersonalValues("Holder", holder));
        assertThat(erased).isEqualTo(2);
        JsonPath after = page(operatorId, "entityId=" + holder);
        assertThat(after.prettify()).doesNotContain("Anna", "anna@example.org", "Lindelaan");
        assertThat(after.getString("items[1].changes.name.after")).isEqualTo(AuditChanges.ERASED);
    }

    private static JsonPath page(UUID operatorId, String query) {
        return given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .get("/api/operators/{o}/audit-entries?" + query, operatorId).then().statusCode(200)
                .extract().jsonPath();
    }
}
