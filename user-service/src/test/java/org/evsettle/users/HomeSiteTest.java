package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.aDriver;
import static org.evsettle.users.RegistryFixtures.aChargePointId;
import static org.evsettle.users.RegistryFixtures.address;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.createSite;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * HOME sites, a driver's home charger the operator registers: the owner is an ACTIVE driver of the operator,
 * a SHARED site has none, kind and owner change (audited) and are published, the lists filter on them, and an
 * owner whose home charger is in service is neither deactivated nor erased.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class HomeSiteTest {

    private final PublishedRegistry registry = PublishedRegistry.shared();

    @Test
    void registersAHomeSiteOfADriverAndPublishesItsKindAndOwner() {
        UUID operatorId = createOperator();
        UUID owner = createDriver(operatorId, anEmail("anna"));

        UUID siteId = UUID.fromString(postSite(operatorId, home(owner)).then().statusCode(201)
                .body("kind", equalTo("HOME")).body("ownerDriverId", equalTo(owner.toString()))
                .extract().path("id"));

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sites/{s}", siteId).then()
                .statusCode(200).body("kind", equalTo("HOME")).body("ownerDriverId", equalTo(owner.toString()));
        SiteRecord record = registry.awaitLatest(SiteRecord.class, siteId);
        assertThat(record.kind()).isEqualTo(SiteKind.HOME);
        assertThat(record.ownerDriverId()).isEqualTo(owner);
        assertThat(record.isHomeOf(owner)).isTrue();
    }

    @Test
    void leavesASiteSharedByDefaultWithNoOwner() {
        UUID operatorId = createOperator();
        UUID siteId = createSite(operatorId);

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sites/{s}", siteId).then()
                .statusCode(200).body("kind", equalTo("SHARED")).body("ownerDriverId", nullValue());
        SiteRecord record = registry.awaitLatest(SiteRecord.class, siteId);
        assertThat(record.kind()).isEqualTo(SiteKind.SHARED);
        assertThat(record.ownerDriverId()).isNull();
    }

    @Test
    void refusesAHomeSiteWithoutOwnerAndASharedOneWithOne() {
        UUID operatorId = createOperator();
        UUID driver = createDriver(operatorId, anEmail("anna"));

        postSite(operatorId, s -> s.put("kind", "HOME")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("ownerDriverId"))
                .body("violations[0].message", equalTo("is required for a HOME site"));
        postSite(operatorId, s -> {
            s.put("kind", "SHARED");
            s.put("ownerDriverId", driver);
        }).then().statusCode(400).body("violations.field", contains("ownerDriverId"))
                .body("violations[0].message", equalTo("must be left out for a SHARED site"));
    }

    @Test
    void refusesAnOwnerWhoIsNoActiveDriverOfTheOperatorWithoutRevealingAnotherOperatorsDriver() {
        UUID operatorId = createOperator();
        UUID inactive = createDriver(operatorId, anEmail("piet"), d -> d.put("status", "INACTIVE"));
        UUID othersDriver = createDriver(createOperator(), anEmail("eva"));

        postSite(operatorId, home(inactive)).then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("ownerDriverId"))
                .body("violations[0].message", equalTo("must be an ACTIVE driver; this one is INACTIVE"));
        String foreign = postSite(operatorId, home(othersDriver)).then().statusCode(422)
                .body("violations.field", contains("ownerDriverId"))
                .body("violations[0].message", equalTo("is not a driver of this operator")).extract().asString();
        String unknown = postSite(operatorId, home(UUID.randomUUID())).then().statusCode(422).extract().asString();
        assertThat(JsonPath.from(foreign).getString("violations[0].message"))
                .isEqualTo(JsonPath.from(unknown).getString("violations[0].message"));
        assertThat(foreign).doesNotContain(othersDriver.toString());
    }

    @Test
    void changesKindAndOwnerWithAnAuditEntryAndARisingRevision() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        UUID anna = createDriver(operatorId, anEmail("anna"));
        UUID piet = createDriver(operatorId, anEmail("piet"));
        UUID siteId = createSite(operatorId);

        update(siteId, admin, home(anna)).then().statusCode(200).body("kind", equalTo("HOME"))
                .body("ownerDriverId", equalTo(anna.toString()));
        assertThat(registry.awaitLatest(SiteRecord.class, siteId, r -> r.revision() == 1).ownerDriverId())
                .isEqualTo(anna);
        update(siteId, admin, home(piet)).then().statusCode(200).body("ownerDriverId", equalTo(piet.toString()));
        assertThat(registry.awaitLatest(SiteRecord.class, siteId, r -> r.revision() == 2).ownerDriverId())
                .isEqualTo(piet);
        update(siteId, admin, s -> { }).then().statusCode(200).body("kind", equalTo("SHARED"))
                .body("ownerDriverId", nullValue());
        SiteRecord shared = registry.awaitLatest(SiteRecord.class, siteId, r -> r.revision() == 3);
        assertThat(shared.kind()).isEqualTo(SiteKind.SHARED);
        assertThat(shared.ownerDriverId()).isNull();

        JsonPath audit = given().auth().oauth2(admin)
                .get("/api/operators/{o}/audit-entries?entityType=Site&entityId=" + siteId, operatorId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action")).containsExactly("UPDATED", "UPDATED", "UPDATED", "CREATED");
        assertThat(audit.getString("items[2].changes.kind.before")).isEqualTo("SHARED");
        assertThat(audit.getString("items[2].changes.kind.after")).isEqualTo("HOME");
        assertThat(audit.getString("items[1].changes.ownerDriverId.before")).isEqualTo(anna.toString());
        assertThat(audit.getString("items[1].changes.ownerDriverId.after")).isEqualTo(piet.toString());
    }

    @Test
    void listsSitesOfOneKindOrOneOwner() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        UUID anna = createDriver(operatorId, anEmail("anna"));
        UUID piet = createDriver(operatorId, anEmail("piet"));
        UUID shared = createSite(operatorId);
        UUID annasHome = id(postSite(operatorId, home(anna)));
        UUID pietsHome = id(postSite(operatorId, home(piet)));

        assertThat(RegistryFixtures.listAll(admin, "/api/operators/" + operatorId + "/sites?kind=home", "id"))
                .containsExactlyInAnyOrder(annasHome.toString(), pietsHome.toString());
        assertThat(RegistryFixtures.listAll(admin, "/api/operators/" + operatorId + "/sites?kind=SHARED", "id"))
                .containsExactly(shared.toString());
        assertThat(RegistryFixtures.listAll(admin, "/api/operators/" + operatorId + "/sites?ownerDriverId=" + piet, "id"))
                .containsExactly(pietsHome.toString());
        given().auth().oauth2(admin).get("/api/operators/{o}/sites?kind=garage", operatorId).then().statusCode(400)
                .body("detail", containsString("HOME"));
    }

    @Test
    void registersChargersAtAHomeSiteAsAtAnySite() {
        UUID operatorId = createOperator();
        UUID siteId = id(postSite(operatorId, home(createDriver(operatorId, anEmail("anna")))));

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("siteId", siteId, "chargePointId", aChargePointId()))
                .post("/api/operators/{o}/chargers", operatorId).then().statusCode(201)
                .body("siteId", equalTo(siteId.toString()));
    }

    @Test
    void refusesToDeactivateOrEraseAnOwnerWhileTheirHomeChargerIsInService() {
        UUID operatorId = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        String email = anEmail("anna");
        UUID owner = createDriver(operatorId, email);
        UUID siteId = id(postSite(operatorId, home(owner)));
        UUID chargerId = UUID.fromString(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("siteId", siteId, "chargePointId", aChargePointId()))
                .post("/api/operators/{o}/chargers", operatorId).then().statusCode(201).extract().path("id"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(aDriver(email, d -> d.put("status", "INACTIVE")))
                .put("/api/drivers/{d}", owner).then().statusCode(409)
                .body("detail", containsString("HOME site Thuislader Lindelaan (" + siteId + ")"));
        given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", owner).then().statusCode(409)
                .body("detail", containsString(siteId.toString()));
        given().auth().oauth2(admin).get("/api/drivers/{d}", owner).then().body("status", equalTo("ACTIVE"));

        given().auth().oauth2(admin).post("/api/chargers/{c}/decommission", chargerId).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(aDriver(email, d -> d.put("status", "INACTIVE")))
                .put("/api/drivers/{d}", owner).then().statusCode(200).body("status", equalTo("INACTIVE"));
        // the site still holds the owner's home address: erasure waits until it is SHARED or another's
        given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", owner).then().statusCode(409);
        update(siteId, admin, s -> { }).then().statusCode(200);
        given().auth().oauth2(admin).post("/api/drivers/{d}/erasure", owner).then().statusCode(200)
                .body("status", equalTo("ERASED"));
    }

    @Test
    void answersAnotherOperatorsAdminNotFound() {
        UUID operatorId = createOperator();
        UUID siteId = id(postSite(operatorId, home(createDriver(operatorId, anEmail("anna")))));
        String stranger = TestTokens.operatorAdmin(createOperator());

        given().auth().oauth2(stranger).get("/api/sites/{s}", siteId).then().statusCode(404);
        update(siteId, stranger, s -> { }).then().statusCode(404);
    }

    private static Consumer<Map<String, Object>> home(UUID owner) {
        return s -> {
            s.put("kind", "HOME");
            s.put("ownerDriverId", owner);
        };
    }

    private static Map<String, Object> aSite(Consumer<Map<String, Object>> changes) {
        Map<String, Object> form = new HashMap<>();
        form.put("name", "Thuislader Lindelaan");
        form.put("address", address());
        changes.accept(form);
        return form;
    }

    private static Response postSite(UUID operatorId, Consumer<Map<String, Object>> changes) {
        return given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(aSite(changes)).post("/api/operators/{o}/sites", operatorId);
    }

    private static Response update(UUID siteId, String token, Consumer<Map<String, Object>> changes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(aSite(changes))
                .put("/api/sites/{s}", siteId);
    }

    private static UUID id(Response created) {
        return UUID.fromString(created.then().statusCode(201).extract().path("id"));
    }
}
