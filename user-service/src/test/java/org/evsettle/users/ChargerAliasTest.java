package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.aChargePointId;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.createSite;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/** A charger known by its serial number and by a legacy device id: the second registered as an alias of the first. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerAliasTest {

    private final PublishedRegistry registry = PublishedRegistry.shared();

    private static UUID register(UUID operatorId, String chargePointId) {
        return UUID.fromString(given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("siteId", createSite(operatorId), "chargePointId", chargePointId))
                .post("/api/operators/{o}/chargers", operatorId)
                .then().statusCode(201).extract().path("id"));
    }

    private static String aSerial() {
        return "ZCS" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    }

    @Test
    void registersALegacyDeviceIdAsAnAliasAndPublishesItOnTheChargersRecord() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        UUID chargerId = register(operatorId, aSerial());
        String legacy = aChargePointId();

        given().auth().oauth2(admin).put("/api/chargers/{c}/aliases/{a}", chargerId, legacy)
                .then().statusCode(200).body("aliases", equalTo(List.of(legacy)));
        given().auth().oauth2(admin).put("/api/chargers/{c}/aliases/{a}", chargerId, legacy)
                .then().statusCode(200).body("aliases", equalTo(List.of(legacy)));
        ChargerRecord published = registry.awaitLatest(ChargerRecord.class, chargerId,
                record -> record.aliases().contains(legacy));
        assertThat(published.aliases()).containsExactly(legacy);
        given().auth().oauth2(admin).get("/api/chargers/{c}", chargerId)
                .then().statusCode(200).body("aliases", equalTo(List.of(legacy)));

        given().auth().oauth2(admin).delete("/api/chargers/{c}/aliases/{a}", chargerId, legacy)
                .then().statusCode(200).body("aliases", empty());
        registry.awaitLatest(ChargerRecord.class, chargerId, record -> record.aliases().isEmpty());
        given().auth().oauth2(admin).delete("/api/chargers/{c}/aliases/{a}", chargerId, legacy)
                .then().statusCode(404).contentType("application/problem+json");
        // free again: another charger may have it as its own id
        register(operatorId, legacy);
    }

    @Test
    void answers409ForAnAliasThatIsClaimedAsAChargerIdAnAnnouncementOrAnotherAlias() {
        UUID operatorId = createOperator();
        UUID other = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        String serial = aSerial();
        UUID chargerId = register(operatorId, serial);
        String othersCharger = aSerial();
        UUID othersChargerId = register(other, othersCharger);
        String announced = aSerial();
        given().auth().oauth2(TestTokens.operatorAdmin(other)).contentType(ContentType.JSON)
                .body(Map.of("chargePointId", announced)).post("/api/operators/{o}/announced-chargers", other)
                .then().statusCode(200);
        String legacy = aChargePointId();
        given().auth().oauth2(TestTokens.operatorAdmin(other)).put("/api/chargers/{c}/aliases/{a}", othersChargerId,
                legacy).then().statusCode(200);

        for (String claimed : List.of(serial, othersCharger, announced, legacy)) {
            given().auth().oauth2(admin).put("/api/chargers/{c}/aliases/{a}", chargerId, claimed)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", equalTo("chargePointId " + claimed + " is already registered or announced"));
        }
        // and an alias is claimed like an id: neither registered, announced nor enrolled by anyone
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("siteId", createSite(operatorId), "chargePointId", legacy))
                .post("/api/operators/{o}/chargers", operatorId)
                .then().statusCode(409).body("detail", equalTo("chargePointId " + legacy + " is already registered or announced"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("chargePointId", legacy))
                .post("/api/operators/{o}/announced-chargers", operatorId)
                .then().statusCode(409).body("detail", equalTo("chargePointId " + legacy + " is already registered or announced"));
    }

    @Test
    void refusesAnAliasThatBreaksTheChargePointIdRule() {
        UUID operatorId = createOperator();
        UUID chargerId = register(operatorId, aSerial());

        for (String invalid : List.of("ZAP 4711", "x".repeat(49), "ZAP%2A4711")) {
            given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                    .urlEncodingEnabled(!invalid.contains("%"))
                    .put("/api/chargers/{c}/aliases/{a}", chargerId, invalid)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("alias may hold letters, digits and . _ : - only"));
        }
    }

    @Test
    void letsOnlyTheAdminsOfTheChargersOperatorAddOrRemoveAliases() {
        UUID operatorId = createOperator();
        UUID chargerId = register(operatorId, aSerial());
        String legacy = aChargePointId();
        String stranger = TestTokens.operatorAdmin(createOperator());

        given().auth().oauth2(stranger).put("/api/chargers/{c}/aliases/{a}", chargerId, legacy).then().statusCode(404);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).put("/api/chargers/{c}/aliases/{a}", chargerId, legacy)
                .then().statusCode(200);
        given().auth().oauth2(stranger).delete("/api/chargers/{c}/aliases/{a}", chargerId, legacy).then().statusCode(404);
        given().auth().oauth2(TestTokens.driver(operatorId, UUID.randomUUID()))
                .put("/api/chargers/{c}/aliases/{a}", chargerId, aChargePointId()).then().statusCode(403);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/chargers/{c}", chargerId)
                .then().statusCode(200).body("aliases", equalTo(List.of(legacy)));
    }

    @Test
    void refusesAnAliasForADecommissionedCharger() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        UUID chargerId = register(operatorId, aSerial());
        given().auth().oauth2(admin).post("/api/chargers/{c}/decommission", chargerId).then().statusCode(200);

        given().auth().oauth2(admin).put("/api/chargers/{c}/aliases/{a}", chargerId, aChargePointId())
                .then().statusCode(409).body("detail", containsString("decommissioned"));
    }
}
