package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.users.RegistryFixtures.aChargePointId;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.evsettle.users.RegistryFixtures.createSite;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.events.ocpp.ChargerPasswordIssued;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chargers from registration or enrollment to approval and decommissioning, and what their boots tell. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerLifecycleTest {

    private static final String GATEWAY = "ocpp-gateway";

    private final PublishedRegistry registry = PublishedRegistry.shared();
    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void registersAnEnrolledChargerOnceAsPendingInNoSite() {
        UUID operatorId = acceptingOperator();
        String chargePointId = aChargePointId();
        String passwordHash = OcppPasswordHash.hash("the-enrollment-key-the-charger-presented");
        Envelope<ChargerEnrolled> enrolled = Envelope.of(GATEWAY, enrolled(chargePointId, operatorId, passwordHash));

        topics.publish(enrolled);
        topics.publish(enrolled);
        topics.publish(GATEWAY, enrolled(chargePointId, operatorId, OcppPasswordHash.hash("another-boot-another-key")));
        topics.publish(GATEWAY, booted(chargePointId, "2.4.2.5"));

        UUID chargerId = await().atMost(PublishedRegistry.PATIENCE).until(() -> pendingCharger(operatorId), id -> id != null);
        ChargerRecord record = registry.awaitLatest(ChargerRecord.class, chargerId,
                r -> "2.4.2.5".equals(r.firmwareVersion()));
        assertThat(registry.of(ChargerRecord.class, chargerId)).hasSize(2).first().satisfies(first -> {
            assertThat(first.status()).isEqualTo("PENDING_APPROVAL");
            assertThat(first.siteId()).isNull();
            assertThat(first.operatorId()).isEqualTo(operatorId);
            assertThat(first.ocppPasswordHash()).isEqualTo(passwordHash);
            assertThat(first.ocppPasswordOrigin()).isEqualTo("ENROLLMENT_KEY");
            assertThat(first.vendor()).isEqualTo("Zaptec");
            assertThat(first.firmwareVersion()).isEqualTo("2.4.2.4");
        });
        assertThat(record.status()).isEqualTo("PENDING_APPROVAL");
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .get("/api/operators/{o}/chargers?status=PENDING_APPROVAL", operatorId)
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].chargePointId", equalTo(chargePointId))
                .body("items[0].serialNumber", equalTo("ZAP000123"))
                .body("items[0].siteId", nullValue());
    }

    @Test
    void ignoresAnEnrollmentForAnOperatorThatRefusesUnknownChargers() {
        UUID refusing = createOperator();
        UUID accepting = acceptingOperator();
        String chargePointId = aChargePointId();

        // same key, so the second is applied after the first: once it is, the first was ignored
        topics.publish(GATEWAY, enrolled(chargePointId, refusing, OcppPasswordHash.hash("a-key-of-no-operator")));
        topics.publish(GATEWAY, enrolled(chargePointId, accepting, OcppPasswordHash.hash("the-key-of-the-operator")));

        UUID chargerId = await().atMost(PublishedRegistry.PATIENCE).until(() -> pendingCharger(accepting), id -> id != null);
        assertThat(registry.awaitLatest(ChargerRecord.class, chargerId).operatorId()).isEqualTo(accepting);
        given().auth().oauth2(TestTokens.operatorAdmin(refusing)).get("/api/operators/{o}/chargers", refusing)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void fillsVendorModelSerialAndFirmwareOfARegisteredChargerFromItsBoot() {
        UUID operatorId = createOperator();
        String chargePointId = aChargePointId();
        UUID chargerId = register(operatorId, createSite(operatorId), chargePointId);

        topics.publish(GATEWAY, booted(chargePointId, "3.2.1.0"));

        ChargerRecord record = registry.awaitLatest(ChargerRecord.class, chargerId, r -> r.firmwareVersion() != null);
        assertThat(record.vendor()).isEqualTo("Zaptec");
        assertThat(record.model()).isEqualTo("Go2");
        assertThat(record.firmwareVersion()).isEqualTo("3.2.1.0");
        assertThat(record.status()).isEqualTo("ACTIVE");
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/chargers/{c}", chargerId)
                .then().statusCode(200).body("serialNumber", equalTo("ZAP000123")).body("model", equalTo("Go2"));
    }

    @Test
    void approvesAPendingChargerAtASiteOfItsOwnOperator() {
        UUID operatorId = acceptingOperator();
        UUID siteId = createSite(operatorId);
        UUID foreignSite = createSite(createOperator());
        String chargePointId = aChargePointId();
        topics.publish(GATEWAY, enrolled(chargePointId, operatorId, OcppPasswordHash.hash("the-key-it-presented")));
        UUID chargerId = await().atMost(PublishedRegistry.PATIENCE).until(() -> pendingCharger(operatorId), id -> id != null);
        String admin = TestTokens.operatorAdmin(operatorId);
        // the charger took the password of its own the gateway offered it
        topics.publish(GATEWAY, new ChargerPasswordIssued(chargePointId, operatorId,
                OcppPasswordHash.hashGenerated(OcppPasswordHash.generatePassword()), Instant.now()));
        registry.awaitLatest(ChargerRecord.class, chargerId, r -> "ISSUED".equals(r.ocppPasswordOrigin()));

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siteId", foreignSite))
                .post("/api/chargers/{c}/approve", chargerId)
                .then().statusCode(400).body("violations[0].field", equalTo("siteId"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siteId", siteId, "connectorCount", 2))
                .post("/api/chargers/{c}/approve", chargerId)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("siteId", equalTo(siteId.toString()));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siteId", siteId))
                .post("/api/chargers/{c}/approve", chargerId)
                .then().statusCode(409);

        ChargerRecord approved = registry.awaitLatest(ChargerRecord.class, chargerId, r -> r.status().equals("ACTIVE"));
        assertThat(approved.siteId()).isEqualTo(siteId);
        assertThat(approved.connectorCount()).isEqualTo(2);
    }

    @Test
    void decommissionsAChargerForGood() {
        UUID operatorId = createOperator();
        UUID chargerId = register(operatorId, createSite(operatorId), aChargePointId());
        String admin = TestTokens.operatorAdmin(operatorId);

        given().auth().oauth2(admin).post("/api/chargers/{c}/decommission", chargerId)
                .then().statusCode(200).body("status", equalTo("DECOMMISSIONED"));
        given().auth().oauth2(admin).post("/api/chargers/{c}/decommission", chargerId).then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/chargers/{c}/ocpp-password", chargerId).then().statusCode(409);

        assertThat(registry.awaitLatest(ChargerRecord.class, chargerId, r -> r.revision() == 1).status())
                .isEqualTo("DECOMMISSIONED");
    }

    @Test
    void setsANewOcppPasswordShownOnlyInTheAnswer() {
        UUID operatorId = createOperator();
        UUID chargerId = register(operatorId, createSite(operatorId), aChargePointId());

        String generated = given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/chargers/{c}/ocpp-password", chargerId)
                .then().statusCode(200).extract().path("ocppPassword");
        ChargerRecord afterGenerated = registry.awaitLatest(ChargerRecord.class, chargerId, r -> r.revision() == 1);
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("ocppPassword", "short")).post("/api/chargers/{c}/ocpp-password", chargerId)
                .then().statusCode(400).body("violations[0].field", equalTo("ocppPassword"));

        assertThat(generated).matches("[0-9A-F]{40}");
        assertThat(OcppPasswordHash.matches(generated, afterGenerated.ocppPasswordHash())).isTrue();
        assertThat(OcppPasswordHash.isCostly(afterGenerated.ocppPasswordHash()))
                .as("160 random bits are stored with the fast hash").isFalse();

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("ocppPassword", "chosen-by-the-installer")).post("/api/chargers/{c}/ocpp-password", chargerId)
                .then().statusCode(200).body("ocppPassword", equalTo("chosen-by-the-installer"));
        ChargerRecord afterChosen = registry.awaitLatest(ChargerRecord.class, chargerId, r -> r.revision() == 2);
        assertThat(OcppPasswordHash.matches("chosen-by-the-installer", afterChosen.ocppPasswordHash())).isTrue();
        assertThat(OcppPasswordHash.isCostly(afterChosen.ocppPasswordHash()))
                .as("a password a person chose is stored with the slow hash").isTrue();
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/chargers/{c}", chargerId)
                .then().statusCode(200).body("ocppPassword", nullValue());
    }

    @Test
    void movesAnActiveChargerToAnotherSite() {
        UUID operatorId = createOperator();
        UUID chargerId = register(operatorId, createSite(operatorId), aChargePointId());
        UUID otherSite = createSite(operatorId);

        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("siteId", otherSite, "connectorCount", 4)).put("/api/chargers/{c}", chargerId)
                .then().statusCode(200).body("connectorCount", equalTo(4));

        assertThat(registry.awaitLatest(ChargerRecord.class, chargerId, r -> r.revision() == 1).siteId())
                .isEqualTo(otherSite);
    }

    private static UUID acceptingOperator() {
        return createOperator(o -> o.put("acceptsUnknownChargers", true));
    }

    private static UUID register(UUID operatorId, UUID siteId, String chargePointId) {
        return UUID.fromString(given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("siteId", siteId, "chargePointId", chargePointId))
                .post("/api/operators/{o}/chargers", operatorId)
                .then().statusCode(201).extract().path("id"));
    }

    private static UUID pendingCharger(UUID operatorId) {
        String id = given().auth().oauth2(TestTokens.operatorAdmin(operatorId))
                .get("/api/operators/{o}/chargers?status=PENDING_APPROVAL", operatorId)
                .then().statusCode(200).extract().path("items[0].id");
        return id == null ? null : UUID.fromString(id);
    }

    private static ChargerEnrolled enrolled(String chargePointId, UUID operatorId, String passwordHash) {
        return new ChargerEnrolled(chargePointId, operatorId, "Zaptec", "Go2", "ZAP000123", "2.4.2.4", passwordHash,
                Instant.now());
    }

    private static ChargerBooted booted(String chargePointId, String firmware) {
        return new ChargerBooted(chargePointId, "Zaptec", "Go2", "ZAP000123", firmware, "Accepted", Instant.now());
    }
}
