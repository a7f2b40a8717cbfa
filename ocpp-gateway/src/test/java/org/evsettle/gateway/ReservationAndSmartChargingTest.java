package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.gateway.OcppPipelineTest.randomTag;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The rest of OCPP 1.6 as commands: Reservation (kept by the gateway and honoured when a transaction starts),
 * Smart Charging and Firmware Management, each checked against its schema and answered with the charger's answer.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReservationAndSmartChargingTest {

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void aReservedConnectorStartsOnlyForTheReservedCardOrACardOfTheSameDriver() {
        GatewayFixtures.Site site = fixtures.aSite();
        UUID driverId = UUID.randomUUID();
        String reserved = "04A2B3" + randomTag();
        String sameDriver = "0BB10C" + randomTag();
        String stranger = "0E8B1E" + randomTag();
        fixtures.aCard(site.operatorId(), reserved, c -> c.driverId(driverId));
        fixtures.aCard(site.operatorId(), sameDriver, c -> c.driverId(driverId));
        fixtures.aCard(site.operatorId(), stranger, c -> c);
        String admin = TestTokens.operatorAdmin(site.operatorId());

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            charger.onCall("ReserveNow", payload -> Map.of("status", "Accepted"));
            await().until(() -> authorize(charger, stranger).path("status").asText().equals("Accepted"));
            String parent = authorize(charger, reserved).get("parentIdTag").asText();

            command(admin, site.chargePointId(), "ReserveNow", Map.of("connectorId", 1, "idTag", reserved,
                    "parentIdTag", parent, "reservationId", 7, "expiryDate", inAnHour().toString()))
                    .then().statusCode(200).body("outcome", equalTo("ANSWERED")).body("response.status", equalTo("Accepted"));
            assertThat(charger.callsReceived().get(0).get(3).get("idTag").asText()).isEqualTo(reserved);
            JsonPath held = reservations(admin, site);
            assertThat(held.getString("[0].status")).isEqualTo("RESERVED");
            assertThat(held.getInt("[0].connectorId")).isEqualTo(1);
            assertThat(held.getString("[0].idTag")).isEqualTo(reserved);

            // a stranger's start on the reserved connector is recorded, and answered Invalid
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            JsonNode strangers = charger.call("StartTransaction", GatewayFixtures.startTransaction(stranger, 1_000, now));
            assertThat(strangers.get("transactionId").asInt()).isPositive();
            assertThat(strangers.get("idTagInfo").get("status").asText()).isEqualTo("Invalid");
            assertThat(startedEvent(site, strangers.get("transactionId").asInt()).authorization().status())
                    .isEqualTo("Invalid");

            // another card of the reserved card's driver (its parentIdTag) takes the reservation it names
            Map<String, Object> own = new HashMap<>(GatewayFixtures.startTransaction(sameDriver, 2_000, now.plusSeconds(5)));
            own.put("reservationId", 7);
            JsonNode owner = charger.call("StartTransaction", own);
            assertThat(owner.get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
            assertThat(charger.call("StartTransaction", own).get("idTagInfo").get("status").asText())
                    .as("a retried start meets the reservation it used").isEqualTo("Accepted");
            held = reservations(admin, site);
            assertThat(held.getString("[0].status")).isEqualTo("USED");
            assertThat(held.getInt("[0].transactionId")).isEqualTo(owner.get("transactionId").asInt());

            // used, it holds the connector no more
            assertThat(charger.call("StartTransaction", GatewayFixtures.startTransaction(stranger, 3_000,
                    now.plusSeconds(10))).get("idTagInfo").get("status").asText()).isEqualTo("Accepted");
        }
    }

    @Test
    void aReservationTheChargerRejectedCancelledOrLetExpireHoldsNothing() {
        GatewayFixtures.Site site = fixtures.aSite();
        String reserved = "04A2B3" + randomTag();
        String stranger = "0E8B1E" + randomTag();
        fixtures.aCard(site.operatorId(), reserved, c -> c);
        fixtures.aCard(site.operatorId(), stranger, c -> c);
        String admin = TestTokens.operatorAdmin(site.operatorId());

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            await().until(() -> authorize(charger, stranger).path("status").asText().equals("Accepted"));
            charger.onCall("ReserveNow", payload -> Map.of("status", "Occupied"));
            command(admin, site.chargePointId(), "ReserveNow", reserveNow(1, reserved, inAnHour()))
                    .then().statusCode(200).body("response.status", equalTo("Occupied"));
            assertThat(reservations(admin, site).getList("")).isEmpty();

            charger.onCall("ReserveNow", payload -> Map.of("status", "Accepted"));
            charger.onCall("CancelReservation", payload -> Map.of("status", "Accepted"));
            command(admin, site.chargePointId(), "ReserveNow", reserveNow(1, reserved, inAnHour())).then().statusCode(200);
            command(admin, site.chargePointId(), "CancelReservation", Map.of("reservationId", 1))
                    .then().statusCode(200).body("response.status", equalTo("Accepted"));
            assertThat(reservations(admin, site).getString("[0].status")).isEqualTo("CANCELLED");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            assertThat(start(charger, stranger, now)).isEqualTo("Accepted");

            Instant soon = now.plusSeconds(2);
            command(admin, site.chargePointId(), "ReserveNow", reserveNow(2, reserved, soon)).then().statusCode(200);
            assertThat(start(charger, stranger, now.plusSeconds(1))).as("before it expires").isEqualTo("Invalid");
            await().atMost(Duration.ofSeconds(10)).until(() -> reservations(admin, site).getString("[0].status"),
                    "EXPIRED"::equals);
            assertThat(start(charger, stranger, soon.plusSeconds(1))).as("after it expired").isEqualTo("Accepted");
        }
    }

    @Test
    void reservesOnlyForCardsOfTheChargersOperatorAndHidesReservationsFromOtherOperators() {
        GatewayFixtures.Site site = fixtures.aSite();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.platformAdmin())
                .get("/api/chargers/{cp}/reservations", site.chargePointId()).statusCode() == 200);

        command(TestTokens.operatorAdmin(site.operatorId()), site.chargePointId(), "ReserveNow",
                reserveNow(1, "0DD0DD" + randomTag(), inAnHour()))
                .then().statusCode(422).body("violations[0].field", equalTo("idTag"));
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID()))
                .get("/api/chargers/{cp}/reservations", site.chargePointId()).then().statusCode(404);
    }

    @Test
    void sendsSmartChargingAndFirmwareCommandsCheckedAgainstTheirSchemas() {
        GatewayFixtures.Site site = fixtures.aSite();
        String admin = TestTokens.operatorAdmin(site.operatorId());
        Map<String, Object> profile = Map.of("connectorId", 1, "csChargingProfiles", Map.of(
                "chargingProfileId", 11, "stackLevel", 0, "chargingProfilePurpose", "TxDefaultProfile",
                "chargingProfileKind", "Absolute", "chargingSchedule", Map.of("chargingRateUnit", "A",
                        "chargingSchedulePeriod", List.of(Map.of("startPeriod", 0, "limit", 16.0)))));

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            charger.onCall("SetChargingProfile", payload -> Map.of("status", "Accepted"));
            charger.onCall("ClearChargingProfile", payload -> Map.of("status", "Unknown"));
            charger.onCall("GetCompositeSchedule", payload -> Map.of("status", "Accepted", "connectorId", 1,
                    "chargingSchedule", Map.of("chargingRateUnit", "A", "chargingSchedulePeriod",
                            List.of(Map.of("startPeriod", 0, "limit", 16.0)))));
            charger.onCall("UpdateFirmware", payload -> Map.of());
            charger.onCall("GetDiagnostics", payload -> Map.of("fileName", "diagnostics-" + site.chargePointId() + ".zip"));

            command(admin, site.chargePointId(), "SetChargingProfile", profile)
                    .then().statusCode(200).body("response.status", equalTo("Accepted"));
            JsonNode sent = charger.callsReceived().get(0);
            assertThat(sent.get(2).asText()).isEqualTo("SetChargingProfile");
            assertThat(sent.get(3).at("/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit").asDouble())
                    .isEqualTo(16.0);
            command(admin, site.chargePointId(), "ClearChargingProfile", Map.of("id", 11))
                    .then().statusCode(200).body("response.status", equalTo("Unknown"));
            command(admin, site.chargePointId(), "GetCompositeSchedule", Map.of("connectorId", 1, "duration", 3600))
                    .then().statusCode(200).body("response.chargingSchedule.chargingRateUnit", equalTo("A"));
            command(admin, site.chargePointId(), "UpdateFirmware", Map.of("location", "https://firmware.example/go2.bin",
                    "retrieveDate", inAnHour().toString())).then().statusCode(200).body("outcome", equalTo("ANSWERED"));
            command(admin, site.chargePointId(), "GetDiagnostics", Map.of("location", "ftp://diagnostics.example/up"))
                    .then().statusCode(200).body("response.fileName", equalTo("diagnostics-" + site.chargePointId() + ".zip"));
        }

        command(admin, site.chargePointId(), "SetChargingProfile", Map.of("connectorId", 1))
                .then().statusCode(400).body("violations[0].field", equalTo("csChargingProfiles"));
        command(admin, site.chargePointId(), "GetCompositeSchedule", Map.of("connectorId", 1, "duration", 3600,
                "chargingRateUnit", "kW")).then().statusCode(400).body("violations[0].field", equalTo("chargingRateUnit"));
        command(admin, site.chargePointId(), "UpdateFirmware", Map.of("location", "https://firmware.example/go2.bin"))
                .then().statusCode(400).body("violations[0].field", equalTo("retrieveDate"));
    }

    private static Map<String, Object> reserveNow(int reservationId, String idTag, Instant expiry) {
        return Map.of("connectorId", 1, "idTag", idTag, "reservationId", reservationId, "expiryDate", expiry.toString());
    }

    private static Instant inAnHour() {
        return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String start(ChargePointSimulator charger, String idTag, Instant at) {
        return charger.call("StartTransaction", GatewayFixtures.startTransaction(idTag, 1_000, at))
                .get("idTagInfo").get("status").asText();
    }

    private static JsonNode authorize(ChargePointSimulator charger, String idTag) {
        return charger.call("Authorize", Map.of("idTag", idTag)).get("idTagInfo");
    }

    private TransactionStarted startedEvent(GatewayFixtures.Site site, int transactionId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.ocppEvents(site.chargePointId()).stream()
                .map(envelope -> envelope.data())
                .filter(data -> data instanceof TransactionStarted started && started.transactionId() == transactionId)
                .map(TransactionStarted.class::cast).findFirst().orElse(null), started -> started != null);
    }

    private static JsonPath reservations(String token, GatewayFixtures.Site site) {
        return given().auth().oauth2(token).get("/api/chargers/{cp}/reservations", site.chargePointId())
                .then().statusCode(200).extract().jsonPath();
    }

    private static Response command(String token, String chargePointId, String action, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/chargers/{cp}/commands/{action}", chargePointId, action);
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
