package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.createSite;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.events.ocpp.ChargerPasswordIssued;
import org.evsettle.events.ocpp.ChargerPasswordRefused;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Enrolled chargers get passwords of their own before approval, and nobody captures another operator's ids. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerIdentityTest {

    private static final String GATEWAY = "ocpp-gateway";

    private final PublishedRegistry registry = PublishedRegistry.shared();
    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void refusesToApproveAChargerOnTheEnrollmentKeyUntilItTookAPasswordOfItsOwn() {
        UUID operatorId = acceptingOperator();
        UUID siteId = createSite(operatorId);
        String chargePointId = aSerial();
        String admin = TestTokens.operatorAdmin(operatorId);
        topics.publish(GATEWAY, enrolled(chargePointId, operatorId));
        UUID chargerId = await().atMost(PublishedRegistry.PATIENCE).until(() -> chargerOf(operatorId, chargePointId),
                id -> id != null);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siteId", siteId))
                .post("/api/chargers/{c}/approve", chargerId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("enrollment key"));

        topics.publish(GATEWAY, new ChargerPasswordRefused(chargePointId,
                "ChangeConfiguration AuthorizationKey answered Rejected", Instant.now()));
        await().atMost(PublishedRegistry.PATIENCE).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/chargers/{c}", chargerId).then().statusCode(200)
                .body("ocppPasswordOrigin", equalTo("ENROLLMENT_KEY"))
                .body("ocppPasswordProblem", containsString("answered Rejected")));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siteId", siteId))
                .post("/api/chargers/{c}/approve", chargerId)
                .then().statusCode(409).body("detail", containsString("Last attempt: ChangeConfiguration"));

        String ownHash = OcppPasswordHash.hashGenerated(OcppPasswordHash.generatePassword());
        // a password issued under another operator's name is not this charger's
        topics.publish(GATEWAY, new ChargerPasswordIssued(chargePointId, UUID.randomUUID(),
                OcppPasswordHash.hashGenerated(OcppPasswordHash.generatePassword()), Instant.now()));
        topics.publish(GATEWAY, new ChargerPasswordIssued(chargePointId, operatorId, ownHash, Instant.now()));
        ChargerRecord own = registry.awaitLatest(ChargerRecord.class, chargerId, r -> "ISSUED".equals(r.ocppPasswordOrigin()));
        assertThat(own.ocppPasswordHash()).isEqualTo(ownHash);
        assertThat(own.status()).isEqualTo("PENDING_APPROVAL");
        given().auth().oauth2(admin).get("/api/chargers/{c}", chargerId).then().statusCode(200)
                .body("ocppPasswordProblem", nullValue());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siteId", siteId))
                .post("/api/chargers/{c}/approve", chargerId)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void announcesChargePointIdsPerOperatorAndNeverLetsAnotherOperatorClaimThem() {
        UUID operatorId = acceptingOperator();
        UUID other = createOperator();
        String admin = TestTokens.operatorAdmin(operatorId);
        String serial = aSerial();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("chargePointId", serial))
                .post("/api/operators/{o}/announced-chargers", operatorId)
                .then().statusCode(200).body("chargePointIds", equalTo(List.of(serial)))
                .body("announcedOnly", equalTo(false));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("chargePointId", serial))
                .post("/api/operators/{o}/announced-chargers", operatorId)
                .then().statusCode(200).body("chargePointIds", hasSize(1));
        OperatorRecord announced = registry.awaitLatest(OperatorRecord.class, operatorId,
                r -> r.announcedChargePointIds().contains(serial));
        assertThat(announced.enrollsAnnouncedOnly()).isFalse();

        // another operator: neither announces nor registers it, and is not told who holds it
        String otherAdmin = TestTokens.operatorAdmin(other);
        given().auth().oauth2(otherAdmin).contentType(ContentType.JSON).body(Map.of("chargePointId", serial))
                .post("/api/operators/{o}/announced-chargers", other)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("chargePointId " + serial + " is already registered or announced"))
                .body("detail", not(containsString(operatorId.toString())));
        given().auth().oauth2(otherAdmin).contentType(ContentType.JSON)
                .body(Map.of("siteId", createSite(other), "chargePointId", serial))
                .post("/api/operators/{o}/chargers", other)
                .then().statusCode(409).body("detail", equalTo("chargePointId " + serial + " is already registered or announced"));
        given().auth().oauth2(otherAdmin).get("/api/operators/{o}/announced-chargers", operatorId)
                .then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("chargePointId", "ZCS 0001"))
                .post("/api/operators/{o}/announced-chargers", operatorId)
                .then().statusCode(400).body("violations[0].field", equalTo("chargePointId"));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("announcedOnly", true))
                .put("/api/operators/{o}/announced-chargers/only", operatorId)
                .then().statusCode(200).body("announcedOnly", equalTo(true));
        registry.awaitLatest(OperatorRecord.class, operatorId, OperatorRecord::enrollsAnnouncedOnly);

        // registered by its own operator: off the announcements, and still claimed
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("siteId", createSite(operatorId), "chargePointId", serial))
                .post("/api/operators/{o}/chargers", operatorId).then().statusCode(201);
        given().auth().oauth2(admin).get("/api/operators/{o}/announced-chargers", operatorId)
                .then().statusCode(200).body("chargePointIds", hasSize(0));
        registry.awaitLatest(OperatorRecord.class, operatorId, r -> r.announcedChargePointIds().isEmpty());
        given().auth().oauth2(otherAdmin).contentType(ContentType.JSON).body(Map.of("chargePointId", serial))
                .post("/api/operators/{o}/announced-chargers", other)
                .then().statusCode(409);

        String withdrawn = aSerial();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("chargePointId", withdrawn))
                .post("/api/operators/{o}/announced-chargers", operatorId).then().statusCode(200);
        given().auth().oauth2(admin).delete("/api/operators/{o}/announced-chargers/{id}", operatorId, withdrawn)
                .then().statusCode(204);
        given().auth().oauth2(admin).delete("/api/operators/{o}/announced-chargers/{id}", operatorId, withdrawn)
                .then().statusCode(404);
        given().auth().oauth2(otherAdmin).contentType(ContentType.JSON).body(Map.of("chargePointId", withdrawn))
                .post("/api/operators/{o}/announced-chargers", other).then().statusCode(200);
    }

    @Test
    void ignoresEnrollmentsOfIdsTheOperatorMayNotEnroll() {
        UUID announcer = acceptingOperator();
        UUID operatorId = acceptingOperator();
        UUID announcedOnly = acceptingOperator();
        String claimed = aSerial();
        given().auth().oauth2(TestTokens.operatorAdmin(announcer)).contentType(ContentType.JSON)
                .body(Map.of("chargePointId", claimed))
                .post("/api/operators/{o}/announced-chargers", announcer).then().statusCode(200);
        given().auth().oauth2(TestTokens.operatorAdmin(announcedOnly)).contentType(ContentType.JSON)
                .body(Map.of("announcedOnly", true))
                .put("/api/operators/{o}/announced-chargers/only", announcedOnly).then().statusCode(200);

        // one chargePointId, one partition: once the last enrollment is applied, the ones before it were
        topics.publish(GATEWAY, enrolled(claimed, operatorId));
        topics.publish(GATEWAY, enrolled(claimed, announcer));
        await().atMost(PublishedRegistry.PATIENCE).until(() -> chargerOf(announcer, claimed), id -> id != null);
        assertThat(chargerOf(operatorId, claimed)).isNull();
        // enrolled by the operator that announced it: no longer an announcement, a charger
        given().auth().oauth2(TestTokens.operatorAdmin(announcer)).get("/api/operators/{o}/announced-chargers", announcer)
                .then().statusCode(200).body("chargePointIds", hasSize(0));

        String unannounced = aSerial();
        topics.publish(GATEWAY, enrolled(unannounced, announcedOnly));
        topics.publish(GATEWAY, enrolled(unannounced, operatorId));
        await().atMost(PublishedRegistry.PATIENCE).until(() -> chargerOf(operatorId, unannounced), id -> id != null);
        assertThat(chargerOf(announcedOnly, unannounced)).isNull();
    }

    private static UUID acceptingOperator() {
        return createOperator(o -> o.put("acceptsUnknownChargers", true));
    }

    private static String aSerial() {
        return "ZCS" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private static UUID chargerOf(UUID operatorId, String chargePointId) {
        List<Map<String, Object>> items = given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .get("/api/operators/{o}/chargers", operatorId).then().statusCode(200).extract().path("items");
        return items.stream().filter(item -> chargePointId.equals(item.get("chargePointId")))
                .map(item -> UUID.fromString((String) item.get("id"))).findFirst().orElse(null);
    }

    private static ChargerEnrolled enrolled(String chargePointId, UUID operatorId) {
        return new ChargerEnrolled(chargePointId, operatorId, "Zaptec", "Go2", chargePointId, "2.4.2.4",
                OcppPasswordHash.hashGenerated("the-enrollment-key-the-charger-presented-" + operatorId), Instant.now());
    }
}
