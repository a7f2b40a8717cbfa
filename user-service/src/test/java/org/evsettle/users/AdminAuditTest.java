package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.aDriver;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.anIdTag;
import static org.evsettle.users.RegistryFixtures.createCard;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.createSite;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** Every change of the registry leaves an audit entry of its operator: who, what, and what changed. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AdminAuditTest {

    @Test
    void driverSiteAndCardChangesLeaveEntriesWithWhoAndWhatChangedAndTheIbanMasked() {
        UUID operatorId = createOperator();
        String admin = TestTokens.sign("els", List.of("operator-admin"),
                Map.of("operator_id", operatorId.toString(), "name", "Els Janssens"));
        String email = anEmail("anna");
        UUID driverId = createDriver(operatorId, email);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(aDriver(email, d -> d.put("sepaMandate", Map.of("mandateId", "LINDE-0001", "signedOn",
                        "2026-01-15", "iban", "BE68539007547034"))))
                .put("/api/drivers/{d}", driverId).then().statusCode(200);
        UUID siteId = createSite(operatorId);
        UUID cardId = createCard(operatorId, driverId, anIdTag());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "lost at the garage"))
                .post("/api/cards/{c}/block", cardId).then().statusCode(200);

        JsonPath driver = entries(admin, operatorId, "entityType=Driver&entityId=" + driverId);
        assertThat(driver.getList("items.action")).containsExactly("UPDATED", "CREATED");
        assertThat(driver.getString("items[0].actorSubject")).isEqualTo(UUID.nameUUIDFromBytes("els".getBytes()).toString());
        assertThat(driver.getString("items[0].actorName")).isEqualTo("Els Janssens");
        assertThat(driver.getMap("items[0].changes")).containsOnlyKeys("sepaMandate.iban", "sepaMandate.mandateId",
                "sepaMandate.signedOn");
        assertThat(driver.getString("items[0].changes.'sepaMandate.iban'.after")).isEqualTo("BE68********7034");
        assertThat(driver.prettify()).doesNotContain("BE68539007547034");
        assertThat(driver.getString("items[1].changes.name.after")).isEqualTo("Anna de Vries");
        // the admin who created the driver has no name claim: the subject alone
        assertThat(driver.getString("items[1].actorName")).isNull();

        given().auth().oauth2(admin).get("/api/operators/{o}/audit-entries?entityType=Site", operatorId).then()
                .statusCode(200).body("items.entityId", contains(siteId.toString()))
                .body("items[0].action", equalTo("CREATED"));
        JsonPath card = entries(admin, operatorId, "entityType=Card");
        assertThat(card.getList("items.action")).containsExactly("UPDATED", "CREATED");
        assertThat(card.getString("items[0].changes.status.before")).isEqualTo("ACTIVE");
        assertThat(card.getString("items[0].changes.status.after")).isEqualTo("BLOCKED");

        // the operator's own entry is the platform admin's, and another operator's admin sees none of them
        given().auth().oauth2(admin).get("/api/operators/{o}/audit-entries?entityType=Operator", operatorId).then()
                .statusCode(200).body("items.entityId", contains(operatorId.toString()));
        given().auth().oauth2(TestTokens.operatorAdmin(createOperator()))
                .get("/api/operators/{o}/audit-entries", operatorId).then().statusCode(404);
    }

    @Test
    void erasingADriverErasesTheirValuesFromTheTrailAndLeavesWhoDidIt() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        UUID driverId = createDriver(operatorId, anEmail("bram"), d -> d.put("name", "Bram Hoekstra"));
        given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", driverId).then().statusCode(200);

        JsonPath driver = entries(admin, operatorId, "entityId=" + driverId);
        assertThat(driver.getList("items.action")).containsExactly("ERASED", "UPDATED", "CREATED");
        assertThat(driver.prettify()).doesNotContain("Bram", "Hoekstra", "bram.");
        assertThat(driver.getString("items[2].changes.name.before")).isEqualTo("[erased]");
    }

    private static JsonPath entries(String token, UUID operatorId, String query) {
        return given().auth().oauth2(token).get("/api/operators/{o}/audit-entries?" + query, operatorId).then()
                .statusCode(200).extract().jsonPath();
    }
}
