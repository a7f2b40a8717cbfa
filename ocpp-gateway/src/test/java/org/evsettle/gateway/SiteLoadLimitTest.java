package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.LoadLimit;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargingStationSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A VvE garage: five chargers on one 32 A feeder. Every session start, stop and limit change shares the limit out
 * again as TxProfiles, and the profiles in force never add up to more than the limit, at any moment; an OCPP
 * 2.0.1 station in the garage shares it too, its profile in 2.0.1's form.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SiteLoadLimitTest {

    @TestHTTPResource("/")
    URI http;

    private final GatewayFixtures fixtures = new GatewayFixtures();
    /** The limit in force per charger, as the chargers received them, and every sum seen after a change. */
    private final Map<String, BigDecimal> inForce = new ConcurrentHashMap<>();
    private final List<BigDecimal> sums = new CopyOnWriteArrayList<>();

    @Test
    void sharesTheGaragesLimitAmongItsSessionsWithinTheLimitAtEveryChange() {
        UUID operatorId = UUID.randomUUID();
        UUID siteId = UUID.randomUUID();
        fixtures.topics.publish("user-service", RegistryRecords.anOperator(operatorId, "Europe/Amsterdam"));
        fixtures.topics.publish("user-service", garage(siteId, operatorId, 1, "32"));
        List<ChargerRecord> chargers = new ArrayList<>();
        List<ChargePointSimulator> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                ChargerRecord charger = atSite(RegistryRecords.aCharger(operatorId,
                        "VVE-" + UUID.randomUUID().toString().substring(0, 8), GatewayFixtures.PASSWORD), siteId);
                fixtures.topics.publish("user-service", charger);
                chargers.add(charger);
                ChargePointSimulator socket = GatewayFixtures.connectOnceAdmitted(gateway(), charger.chargePointId(),
                        GatewayFixtures.PASSWORD);
                String chargePointId = charger.chargePointId();
                socket.onCall("SetChargingProfile", payload -> {
                    inForce.put(chargePointId, payload.at("/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit")
                            .decimalValue());
                    sums.add(sum());
                    return Map.of("status", "Accepted");
                });
                sockets.add(socket);
            }
            String admin = TestTokens.operatorAdmin(operatorId);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            // a Zaptec Cloud charger in the same garage balances its installation itself: no profile, no share
            ChargerRecord cloud = atSite(RegistryRecords.aCharger(operatorId,
                    "ZCS-" + UUID.randomUUID().toString().substring(0, 8), GatewayFixtures.PASSWORD), siteId);
            fixtures.topics.publish("user-service", cloud);
            ChargePointSimulator zaptecCloud = GatewayFixtures.connectOnceAdmitted(gateway(), cloud.chargePointId(),
                    GatewayFixtures.PASSWORD);
            sockets.add(zaptecCloud);
            zaptecCloud.call("BootNotification", Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go"));
            await().atMost(Duration.ofSeconds(30)).until(() -> load(admin, siteId).getList("balancingThemselves"),
                    list -> list.contains(cloud.chargePointId()));
            zaptecCloud.call("StartTransaction", GatewayFixtures.startTransaction("0C10D0" + OcppPipelineTest.randomTag(),
                    1_000, now.minusSeconds(60)));

            int[] transactions = new int[5];
            String[] expected = {"32.0", "16.0", "10.6", "8.0", "6.4"};
            for (int i = 0; i < 5; i++) {
                transactions[i] = sockets.get(i).call("StartTransaction", GatewayFixtures.startTransaction(
                        "0A0B0C" + i + OcppPipelineTest.randomTag(), 1_000, now.plusSeconds(i))).get("transactionId").asInt();
                int started = i + 1;
                String share = expected[i];
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shares(admin, siteId))
                        .hasSize(started).allSatisfy(limit -> assertThat(limit).isEqualByComparingTo(share)));
            }
            assertThat(inForce.values()).hasSize(5).allSatisfy(limit -> assertThat(limit).isEqualByComparingTo("6.4"));
            assertThat(zaptecCloud.callsReceived()).noneMatch(call -> call.get(2).asText().equals("SetChargingProfile"));

            // a TxProfile ends with its transaction
            inForce.remove(chargers.get(0).chargePointId());
            sockets.get(0).call("StopTransaction", GatewayFixtures.stopTransaction(transactions[0], 9_000,
                    now.plusSeconds(600)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shares(admin, siteId))
                    .hasSize(4).allSatisfy(limit -> assertThat(limit).isEqualByComparingTo("8.0")));

            // the operator lowers the garage to 20 A: three sessions of 6.6 A, the youngest paused at 0
            fixtures.topics.publish("user-service", garage(siteId, operatorId, 2, "20"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shares(admin, siteId))
                    .usingElementComparator(BigDecimal::compareTo).containsExactlyInAnyOrder(
                            new BigDecimal("6.6"), new BigDecimal("6.6"), new BigDecimal("6.6"), BigDecimal.ZERO));
            assertThat(inForce.get(chargers.get(4).chargePointId())).isEqualByComparingTo("0.0");
            JsonPath load = load(admin, siteId);
            assertThat(load.getString("limit.unit")).isEqualTo("A");
            assertThat(new BigDecimal(load.getString("allocated"))).isEqualByComparingTo("19.8");
            assertThat(load.getString("sessions[0].outcome")).isEqualTo("Accepted");

            // lowering goes out before raising: no moment with more than the limit in force
            assertThat(sums).hasSizeGreaterThanOrEqualTo(5 + 4 + 4)
                    .allSatisfy(sum -> assertThat(sum).isLessThanOrEqualTo(new BigDecimal("32")));
            assertThat(sum()).isEqualByComparingTo("19.8");
        } finally {
            sockets.forEach(ChargePointSimulator::close);
        }
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID())).get("/api/sites/{s}/load", siteId)
                .then().statusCode(404);
    }

    @Test
    void sharesAGaragesLimitWithAnOcpp201StationAsA201ChargingProfileOnItsOwnTransaction() {
        UUID operatorId = UUID.randomUUID();
        UUID siteId = UUID.randomUUID();
        fixtures.topics.publish("user-service", RegistryRecords.anOperator(operatorId, "Europe/Amsterdam"));
        fixtures.topics.publish("user-service", garage(siteId, operatorId, 1, "30"));
        ChargerRecord charger = atSite(RegistryRecords.aCharger(operatorId,
                "VVE16-" + UUID.randomUUID().toString().substring(0, 8), GatewayFixtures.PASSWORD), siteId);
        ChargerRecord stationRecord = atSite(RegistryRecords.aCharger(operatorId,
                "VVE201-" + UUID.randomUUID().toString().substring(0, 8), GatewayFixtures.PASSWORD), siteId);
        fixtures.topics.publish("user-service", charger);
        fixtures.topics.publish("user-service", stationRecord);
        List<JsonNode> stationProfiles = new CopyOnWriteArrayList<>();
        String admin = TestTokens.operatorAdmin(operatorId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ChargePointSimulator wallbox = GatewayFixtures.connectOnceAdmitted(gateway(), charger.chargePointId(),
                GatewayFixtures.PASSWORD);
             ChargingStationSimulator station = GatewayFixtures.connectStation(gateway(),
                     new GatewayFixtures.Site(operatorId, stationRecord))) {
            assertThat(station.subprotocol()).isEqualTo(ChargingStationSimulator.SUBPROTOCOL);
            wallbox.onCall("SetChargingProfile", payload -> {
                inForce.put(charger.chargePointId(),
                        payload.at("/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit").decimalValue());
                sums.add(sum());
                return Map.of("status", "Accepted");
            });
            station.onCall("SetChargingProfile", payload -> {
                stationProfiles.add(payload);
                inForce.put(stationRecord.chargePointId(),
                        payload.at("/chargingProfile/chargingSchedule/0/chargingSchedulePeriod/0/limit").decimalValue());
                sums.add(sum());
                return Map.of("status", "Accepted");
            });

            wallbox.call("StartTransaction", GatewayFixtures.startTransaction("0A0B1C" + OcppPipelineTest.randomTag(),
                    1_000, now));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shares(admin, siteId))
                    .singleElement().satisfies(limit -> assertThat(limit).isEqualByComparingTo("30")));

            // the 2.0.1 station's Started reshares the garage: each gets half, the station in its own version
            ChargingStationSimulator.Transaction transaction = station.newTransaction(1, "0A0B2C" + OcppPipelineTest.randomTag());
            station.started(transaction, 2_000, now.plusSeconds(5));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shares(admin, siteId))
                    .hasSize(2).allSatisfy(limit -> assertThat(limit).isEqualByComparingTo("15.0")));
            await().atMost(Duration.ofSeconds(10)).until(() -> inForce.size() == 2);
            JsonNode profile = stationProfiles.get(stationProfiles.size() - 1);
            assertThat(profile.get("evseId").asInt()).isEqualTo(1);
            assertThat(profile.at("/chargingProfile/chargingProfilePurpose").asText()).isEqualTo("TxProfile");
            assertThat(profile.at("/chargingProfile/transactionId").asText()).isEqualTo(transaction.id());

            // its Ended gives the whole garage back to the wallbox
            inForce.remove(stationRecord.chargePointId());
            station.ended(transaction, 9_000, now.plusSeconds(600));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shares(admin, siteId))
                    .singleElement().satisfies(limit -> assertThat(limit).isEqualByComparingTo("30")));
            assertThat(sums).isNotEmpty().allSatisfy(sum -> assertThat(sum).isLessThanOrEqualTo(new BigDecimal("30")));
        }
    }

    private BigDecimal sum() {
        return inForce.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<BigDecimal> shares(String token, UUID siteId) {
        return load(token, siteId).getList("sessions.limit", BigDecimal.class);
    }

    private static JsonPath load(String token, UUID siteId) {
        return given().auth().oauth2(token).get("/api/sites/{s}/load", siteId).then().statusCode(200).extract()
                .jsonPath(new io.restassured.path.json.config.JsonPathConfig(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static SiteRecord garage(UUID siteId, UUID operatorId, long revision, String amperes) {
        return new SiteRecord(siteId, revision, operatorId, "Garage VvE Lindehof",
                new Address("Lindelaan 2", "3581 CD", "Utrecht", "NL"), SiteKind.SHARED, null,
                new LoadLimit(LoadLimit.AMPERES, new BigDecimal(amperes)));
    }

    private static ChargerRecord atSite(ChargerRecord charger, UUID siteId) {
        return new ChargerRecord(charger.id(), charger.revision(), charger.operatorId(), siteId, charger.chargePointId(),
                1, charger.vendor(), charger.model(), charger.firmwareVersion(), charger.ocppPasswordHash(),
                charger.status(), charger.ocppPasswordOrigin());
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
