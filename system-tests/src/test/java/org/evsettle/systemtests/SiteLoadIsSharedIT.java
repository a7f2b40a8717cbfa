package org.evsettle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.evsettle.devstack.platform.Service;
import org.evsettle.testkit.ChargePointSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A garage's load limit over the real platform: the operator sets it on the site in user-service, the registry
 * carries it to the gateway, and the gateway shares it among the sessions charging there with charging profiles.
 */
class SiteLoadIsSharedIT {

    private static final Map<String, Object> ADDRESS = Map.of("street", "Lindelaan 12", "postalCode", "3581 AB",
            "city", "Utrecht", "countryCode", "NL");

    private static RunningPlatform running;

    @BeforeAll
    static void platform() {
        running = RunningPlatform.get();
    }

    @Test
    void sharesTheGaragesLimitAmongItsChargingSessionsAndGivesItBackWhenOneStops() {
        Tenant garage = Tenant.create(running, "0.35");
        String users = running.url(Service.USER_SERVICE);
        String suffix = garage.chargePointId().substring(3);
        given().auth().oauth2(garage.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Garage " + suffix, "address", ADDRESS, "loadLimit", Map.of("unit", "A", "value", 16)))
                .put(users + "/api/sites/{s}", garage.siteId()).then().statusCode(200);
        String second = "CP2-" + suffix;
        String secondPassword = given().auth().oauth2(garage.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("siteId", garage.siteId(), "chargePointId", second, "connectorCount", 1))
                .post(users + "/api/operators/{o}/chargers", garage.operatorId())
                .then().statusCode(201).extract().path("ocppPassword");
        String secondCard = ("05" + suffix + "0C").toUpperCase();
        given().auth().oauth2(garage.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("driverId", garage.driverId(), "idTag", secondCard, "label", "Anna's second card"))
                .post(users + "/api/operators/{o}/cards", garage.operatorId()).then().statusCode(201);

        Map<String, BigDecimal> limits = new ConcurrentHashMap<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ChargePointSimulator first = connect(garage.chargePointId(), garage.chargerPassword());
             ChargePointSimulator other = connect(second, secondPassword)) {
            for (ChargePointSimulator charger : List.of(first, other)) {
                String chargePointId = charger == first ? garage.chargePointId() : second;
                charger.onCall("SetChargingProfile", payload -> {
                    limits.put(chargePointId, payload.at(
                            "/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit").decimalValue());
                    return Map.of("status", "Accepted");
                });
            }
            int firstTransaction = start(first, garage.cardIdTag(), now);
            await("the whole limit for the one session").atMost(Duration.ofSeconds(30))
                    .until(() -> limits.get(garage.chargePointId()), limit -> limit != null && limit.intValue() == 16);

            start(other, secondCard, now.plusSeconds(60));
            await("the limit halved between the two").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(limits.values()).hasSize(2).allSatisfy(limit -> assertThat(limit).isEqualByComparingTo("8.0")));
            JsonPath load = load(garage);
            assertThat(new BigDecimal(load.getString("allocated"))).isEqualByComparingTo("16.0");
            assertThat(load.getList("sessions.outcome")).containsOnly("Accepted");

            first.call("StopTransaction", Map.of("transactionId", firstTransaction, "meterStop", 1_005_000,
                    "timestamp", now.plusSeconds(3_600).toString(), "idTag", garage.cardIdTag(), "reason", "EVDisconnected"));
            await("the limit back to the session still charging").atMost(Duration.ofSeconds(30))
                    .until(() -> limits.get(second), limit -> limit.intValue() == 16);
            assertThat(load(garage).getList("sessions.chargePointId")).containsExactly(second);
        }
    }

    private static int start(ChargePointSimulator charger, String idTag, Instant at) {
        return charger.call("StartTransaction", Map.of("connectorId", 1, "idTag", idTag, "meterStart", 1_000_000,
                "timestamp", at.toString())).get("transactionId").asInt();
    }

    private static JsonPath load(Tenant tenant) {
        return given().auth().oauth2(tenant.adminToken())
                .get(running.url(Service.OCPP_GATEWAY) + "/api/sites/{s}/load", tenant.siteId())
                .then().statusCode(200).extract().jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static ChargePointSimulator connect(String chargePointId, String password) {
        return await("charger accepted by the gateway").atMost(Duration.ofSeconds(30))
                .ignoreException(ChargePointSimulator.HandshakeRefused.class)
                .until(() -> ChargePointSimulator.connect(running.gateway(), chargePointId, password), charger -> true);
    }
}
