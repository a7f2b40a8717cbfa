package org.evsettle.tariffs;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.evsettle.tariffs.RegistryFixtures.charger;
import static org.evsettle.tariffs.RegistryFixtures.driver;
import static org.evsettle.tariffs.RegistryFixtures.operator;
import static org.evsettle.tariffs.RegistryFixtures.publishAndAwait;
import static org.evsettle.tariffs.RegistryFixtures.site;
import static org.evsettle.tariffs.TariffFixtures.aTariff;
import static org.evsettle.tariffs.TariffFixtures.as;
import static org.evsettle.tariffs.TariffFixtures.createTariff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The price before charging: the tariff shown at a charger to whoever asks, and quotes priced by the engine. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerTariffApiTest {

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    private UUID operatorId;
    private UUID siteId;
    private UUID chargerId;
    private String chargePointId;
    private UUID residentId;
    private UUID guestTariff;
    private UUID residentTariff;

    @BeforeEach
    void registerAChargerWithTariffs() {
        operatorId = UUID.randomUUID();
        siteId = UUID.randomUUID();
        chargerId = UUID.randomUUID();
        chargePointId = "ZAP-" + UUID.randomUUID().toString().substring(0, 8);
        residentId = UUID.randomUUID();
        publishAndAwait(topics,
                operator(operatorId, 1, "Europe/Amsterdam", "EUR", List.of("RESIDENT", "EMPLOYEE", "GUEST")),
                site(siteId, operatorId),
                charger(chargerId, 1, operatorId, siteId, chargePointId, "ACTIVE"),
                driver(residentId, operatorId, "RESIDENT"));
        guestTariff = createTariff(operatorId, aTariff(t -> {
            t.put("name", "Bezoekers");
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
            t.put("components", List.of(
                    Map.of("type", "ENERGY", "unitPrice", "0.45"),
                    Map.of("type", "START_FEE", "unitPrice", "1.00")));
        }));
        residentTariff = createTariff(operatorId, aTariff(t -> {
            t.put("name", "Bewoners");
            t.put("userTypes", List.of("RESIDENT"));
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
            t.put("components", List.of(
                    Map.of("type", "ENERGY", "unitPrice", "0.25"),
                    Map.of("type", "ENERGY", "unitPrice", "0.35", "label", "Piekuren",
                            "restrictions", Map.of("daysOfWeek", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                                    "FRIDAY"), "startTime", "17:00", "endTime", "21:00"))));
        }));
    }

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void showsTheOperatorsDriverTheTariffOfTheirUserTypeInPlainTerms() {
        as(TestTokens.driver(operatorId, residentId)).get("/api/chargers/{cp}/tariff", chargePointId)
                .then().statusCode(200)
                .body("chargePointId", equalTo(chargePointId))
                .body("operatorId", equalTo(operatorId.toString()))
                .body("siteId", equalTo(siteId.toString()))
                .body("userType", equalTo("RESIDENT"))
                .body("tariffId", equalTo(residentTariff.toString()))
                .body("tariffName", equalTo("Bewoners"))
                .body("tariffVersion", equalTo(1))
                .body("currency", equalTo("EUR"))
                .body("vatRate", equalTo(new BigDecimal("0.21")))
                .body("timeZone", equalTo("Europe/Amsterdam"))
                .body("nextVersionFrom", nullValue())
                .body("components.type", contains("ENERGY", "ENERGY"))
                .body("components.unit", contains("kWh", "kWh"))
                .body("components.unitPrice", contains(new BigDecimal("0.25000"), new BigDecimal("0.35000")))
                .body("components.unitPriceInclVat", contains(new BigDecimal("0.30250"), new BigDecimal("0.42350")))
                .body("components[0].terms", equalTo("0.25000 EUR per kWh"))
                .body("components[1].terms", equalTo("0.35000 EUR per kWh (Monday to Friday 17:00-21:00)"))
                .body("components[1].label", equalTo("Piekuren"))
                .body("components[1].restrictions.startTime", equalTo("17:00"));
    }

    @Test
    void showsEveryoneElseTheGuestTariffWithoutTheOperatorsIds() {
        UUID otherOperator = UUID.randomUUID();
        UUID driverElsewhere = UUID.randomUUID();
        publishAndAwait(topics, driver(driverElsewhere, otherOperator, "RESIDENT"));

        as(TestTokens.driver(otherOperator, driverElsewhere)).get("/api/chargers/{cp}/tariff", chargePointId)
                .then().statusCode(200)
                .body("userType", equalTo("GUEST"))
                .body("tariffName", equalTo("Bezoekers"))
                .body("components.terms", contains("0.45000 EUR per kWh", "1.00000 EUR per session"))
                // what it costs, not whose ids are behind it
                .body("chargePointId", equalTo(chargePointId))
                .body("operatorId", nullValue())
                .body("siteId", nullValue())
                .body("tariffId", nullValue())
                .body(not(containsString(operatorId.toString())))
                .body(not(containsString(siteId.toString())))
                .body(not(containsString(guestTariff.toString())));
        as(TestTokens.driver(otherOperator, driverElsewhere)).body(Map.of("energyKwh", "10", "durationMinutes", 60))
                .post("/api/chargers/{cp}/quote", chargePointId).then().statusCode(200)
                .body("tariffName", equalTo("Bezoekers")).body("tariffId", nullValue())
                .body(not(containsString(guestTariff.toString())));
        as(TestTokens.operatorAdmin(otherOperator)).get("/api/chargers/{cp}/tariff?userType=RESIDENT", chargePointId)
                .then().statusCode(200).body("tariffName", equalTo("Bezoekers")).body("operatorId", nullValue())
                .body("tariffId", nullValue());
        // a driver of the operator the registry has not told about yet is a guest too, and no one of it yet
        as(TestTokens.driver(operatorId, UUID.randomUUID())).get("/api/chargers/{cp}/tariff", chargePointId)
                .then().statusCode(200).body("tariffName", equalTo("Bezoekers")).body("tariffId", nullValue());
        // the operator's own admins and drivers read the ids
        as(TestTokens.operatorAdmin(operatorId)).get("/api/chargers/{cp}/tariff", chargePointId)
                .then().statusCode(200).body("tariffId", equalTo(guestTariff.toString()))
                .body("operatorId", equalTo(operatorId.toString()));
    }

    @Test
    void forgetsADriversUserTypeOnceTheRegistryUnlinksTheirAccount() {
        String residentsToken = TestTokens.driver(operatorId, residentId);
        as(residentsToken).get("/api/chargers/{cp}/tariff", chargePointId).then().statusCode(200)
                .body("tariffId", equalTo(residentTariff.toString()));
        // a token of another account naming the resident is a guest
        as(TestTokens.driver(operatorId, residentId, "someone-else")).get("/api/chargers/{cp}/tariff", chargePointId)
                .then().statusCode(200).body("userType", equalTo("GUEST")).body("tariffId", nullValue());

        publishAndAwait(topics, RegistryFixtures.driver(residentId, 2, operatorId, "RESIDENT", null));

        as(residentsToken).get("/api/chargers/{cp}/tariff", chargePointId).then().statusCode(200)
                .body("userType", equalTo("GUEST")).body("tariffName", equalTo("Bezoekers"))
                .body("tariffId", nullValue());
    }

    @Test
    void letsTheOperatorsAdminSeeTheTariffOfAnyOfItsUserTypes() {
        String admin = TestTokens.operatorAdmin(operatorId);

        as(admin).get("/api/chargers/{cp}/tariff?userType=RESIDENT", chargePointId)
                .then().statusCode(200).body("tariffId", equalTo(residentTariff.toString()));
        as(admin).get("/api/chargers/{cp}/tariff", chargePointId)
                .then().statusCode(200).body("tariffId", equalTo(guestTariff.toString()));
        as(admin).get("/api/chargers/{cp}/tariff?userType=EMPLOYEE", chargePointId)
                .then().statusCode(200).body("tariffId", equalTo(guestTariff.toString()));
        as(admin).get("/api/chargers/{cp}/tariff?userType=VISITOR", chargePointId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("userType"));
    }

    @Test
    void prefersTheChargersOwnTariffAndAnnouncesAPlannedVersion() {
        UUID chargerTariff = createTariff(operatorId, aTariff(t -> {
            t.put("name", "Snellader");
            t.put("chargerId", chargerId.toString());
            t.put("effectiveFrom", "2026-01-01T00:00:00Z");
        }));
        Instant nextMonth = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        as(TestTokens.operatorAdmin(operatorId)).body(aTariff(t -> {
            t.put("name", "Snellader");
            t.put("effectiveFrom", nextMonth.toString());
        })).put("/api/tariffs/{id}", chargerTariff).then().statusCode(200);

        as(TestTokens.driver(operatorId, residentId)).get("/api/chargers/{cp}/tariff", chargePointId)
                .then().statusCode(200)
                .body("tariffId", equalTo(chargerTariff.toString()))
                .body("tariffVersion", equalTo(1))
                .body("nextVersionFrom", equalTo(nextMonth.toString()));
    }

    @Test
    void quotesAPlannedSessionWithTheEnginesLines() {
        // Monday 2 March 2026, 16:00-18:00 in Amsterdam: 10 kWh evenly, half of it in the peak from 17:00
        as(TestTokens.driver(operatorId, residentId))
                .body(Map.of("energyKwh", "10", "durationMinutes", 120, "startAt", "2026-03-02T15:00:00Z"))
                .post("/api/chargers/{cp}/quote", chargePointId)
                .then().statusCode(200)
                .body("userType", equalTo("RESIDENT"))
                .body("tariffId", equalTo(residentTariff.toString()))
                .body("startAt", equalTo("2026-03-02T15:00:00Z"))
                .body("stopAt", equalTo("2026-03-02T17:00:00Z"))
                .body("energyKwh", equalTo(new BigDecimal("10.000")))
                .body("lines.description", contains("Energy", "Piekuren"))
                .body("lines.quantity", contains(new BigDecimal("5.000"), new BigDecimal("5.000")))
                .body("lines.amount", contains(new BigDecimal("1.25"), new BigDecimal("1.75")))
                .body("netAmount", equalTo(new BigDecimal("3.00")))
                .body("vatAmount", equalTo(new BigDecimal("0.63")))
                .body("grossAmount", equalTo(new BigDecimal("3.63")));
    }

    @Test
    void quotesAGuestWithTheGuestTariffFromNowWhenNoStartIsGiven() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        String startAt = as(TestTokens.driver(UUID.randomUUID(), UUID.randomUUID()))
                .body(Map.of("energyKwh", 20.5, "durationMinutes", 90))
                .post("/api/chargers/{cp}/quote", chargePointId)
                .then().statusCode(200)
                .body("tariffName", equalTo("Bezoekers"))
                .body("tariffId", nullValue())
                .body("lines.amount", contains(new BigDecimal("9.23"), new BigDecimal("1.00")))
                .body("grossAmount", equalTo(new BigDecimal("12.38")))
                .extract().path("startAt");
        org.assertj.core.api.Assertions.assertThat(Instant.parse(startAt)).isBetween(before, Instant.now());
    }

    @Test
    void rejectsAQuoteThatCannotHappenNamingTheField() {
        String driver = TestTokens.driver(operatorId, residentId);

        as(driver).body(Map.of("durationMinutes", 60)).post("/api/chargers/{cp}/quote", chargePointId)
                .then().statusCode(400).body("violations.field", contains("energyKwh"));
        as(driver).body(Map.of("energyKwh", "-1", "durationMinutes", 60)).post("/api/chargers/{cp}/quote", chargePointId)
                .then().statusCode(400).body("violations.field", contains("energyKwh"));
        as(driver).body(Map.of("energyKwh", "10", "durationMinutes", 0)).post("/api/chargers/{cp}/quote", chargePointId)
                .then().statusCode(400).body("violations.field", contains("durationMinutes"));
        as(driver).body(Map.of("energyKwh", "10", "durationMinutes", 60, "idleMinutes", 61))
                .post("/api/chargers/{cp}/quote", chargePointId)
                .then().statusCode(400).body("violations.field", contains("idleMinutes"));
        as(driver).body(Map.of("energyKwh", "10", "durationMinutes", 60, "startAt", "tomorrow"))
                .post("/api/chargers/{cp}/quote", chargePointId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("startAt"));
    }

    @Test
    void answers404ForAChargerItDoesNotKnowOrThatWasRemoved() {
        String driver = TestTokens.driver(operatorId, residentId);

        as(driver).get("/api/chargers/{cp}/tariff", "NO-SUCH-CHARGER").then().statusCode(404)
                .contentType("application/problem+json");
        topics.publish(Envelope.tombstone(EventCatalog.CHARGER, RegistryFixtures.USER_SERVICE, chargerId.toString()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(driver)
                .get("/api/chargers/{cp}/tariff", chargePointId).then().statusCode(404));
        as(driver).body(Map.of("energyKwh", "10", "durationMinutes", 60))
                .post("/api/chargers/{cp}/quote", chargePointId).then().statusCode(404);
    }

    @Test
    void answers404WhenNoTariffAppliesThere() {
        UUID lonelyOperator = UUID.randomUUID();
        String lonelyCharger = "ZAP-" + UUID.randomUUID().toString().substring(0, 8);
        publishAndAwait(topics, charger(UUID.randomUUID(), 1, lonelyOperator, null, lonelyCharger, "ACTIVE"));

        as(TestTokens.driver(lonelyOperator, UUID.randomUUID())).get("/api/chargers/{cp}/tariff", lonelyCharger)
                .then().statusCode(404).contentType("application/problem+json");
        // to a stranger, a registered charger without a tariff reads as an id nobody registered
        String stranger = TestTokens.driver(UUID.randomUUID(), UUID.randomUUID());
        String registered = as(stranger).get("/api/chargers/{cp}/tariff", lonelyCharger).then().statusCode(404)
                .extract().path("detail");
        String unknown = as(stranger).get("/api/chargers/{cp}/tariff", lonelyCharger + "X").then().statusCode(404)
                .extract().path("detail");
        org.assertj.core.api.Assertions.assertThat(registered.replace(lonelyCharger, "?"))
                .isEqualTo(unknown.replace(lonelyCharger + "X", "?"));
    }

    @Test
    void needsAToken() {
        given().get("/api/chargers/{cp}/tariff", chargePointId).then().statusCode(401);
        given().contentType("application/json").body("{}").post("/api/chargers/{cp}/quote", chargePointId)
                .then().statusCode(401);
    }
}
