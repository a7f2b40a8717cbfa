package org.evsettle.tariffs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.tariffs.TariffFixtures.aTariff;
import static org.evsettle.tariffs.TariffFixtures.as;
import static org.evsettle.tariffs.TariffFixtures.createTariff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

/** The tariff API: creating and versioning tariffs, validation, and who sees what. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class TariffApiTest {

    private static final String COMPONENT_0_UNIT_PRICE = "components[0].unitPrice";

    @Test
    void createsATariffWithItsFirstVersionInForceNow() {
        UUID operatorId = UUID.randomUUID();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        String id = as(TestTokens.operatorAdmin(operatorId)).body(aTariff(t -> { }))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(201)
                .header("Location", containsString("/api/tariffs/"))
                .body("operatorId", equalTo(operatorId.toString()))
                .body("name", equalTo("Standaard laden"))
                .body("userTypes", empty())
                .body("currency", equalTo("EUR"))
                .body("versions", hasSize(1))
                .body("versions[0].version", equalTo(1))
                .body("versions[0].vatRate", equalTo(new BigDecimal("0.21")))
                .body("versions[0].components.type", contains("ENERGY", "START_FEE"))
                .body("versions[0].components.unitPrice", contains(new BigDecimal("0.35000"), new BigDecimal("0.50000")))
                .extract().path("id");

        String effectiveFrom = as(TestTokens.operatorAdmin(operatorId)).get("/api/tariffs/{id}", id)
                .then().statusCode(200).body("name", equalTo("Standaard laden"))
                .extract().path("versions[0].effectiveFrom");
        assertThat(Instant.parse(effectiveFrom))
                .isBetween(before, Instant.now());
        as(TestTokens.operatorAdmin(operatorId)).get("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(200).body("items.id", contains(id)).body("next", nullValue());
    }

    @Test
    void keepsUserTypesVatRateAndEffectiveFromAsGiven() {
        UUID operatorId = UUID.randomUUID();

        as(TestTokens.platformAdmin()).body(aTariff(t -> {
                    t.put("userTypes", List.of("RESIDENT", "EMPLOYEE"));
                    t.put("vatRate", "0.09");
                    t.put("components", List.of(Map.of("type", "ENERGY", "unitPrice", "0.12345")));
                    t.put("effectiveFrom", "2026-01-01T00:00:00Z");
                }))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(201)
                .body("userTypes", contains("RESIDENT", "EMPLOYEE"))
                .body("versions[0].vatRate", equalTo(new BigDecimal("0.09")))
                .body("versions[0].components[0].unitPrice", equalTo(new BigDecimal("0.12345")))
                .body("versions[0].effectiveFrom", equalTo("2026-01-01T00:00:00Z"));
    }

    @Test
    void namesEveryMissingFieldInAProblem() {
        UUID operatorId = UUID.randomUUID();

        as(TestTokens.operatorAdmin(operatorId)).body(Map.of("components", List.of()))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:evsettle:problem:validation"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("components"));
    }

    @Test
    void rejectsBrokenComponentAndVatRulesNamingTheField() {
        UUID operatorId = UUID.randomUUID();
        String token = TestTokens.operatorAdmin(operatorId);

        as(token).body(aTariff(t -> t.put("components", List.of(Map.of("type", "ENERGY", "unitPrice", 0.123456)))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains(COMPONENT_0_UNIT_PRICE));
        as(token).body(aTariff(t -> t.put("components", List.of(
                        Map.of("type", "ENERGY", "unitPrice", 0.35), Map.of("type", "START_FEE", "unitPrice", -0.01)))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains("components[1].unitPrice"));
        as(token).body(aTariff(t -> t.put("components", List.of(Map.of("type", "ENERGY")))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains(COMPONENT_0_UNIT_PRICE));
        as(token).body(aTariff(t -> t.put("components", List.of(Map.of("type", "PARKING", "unitPrice", 1)))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("components[0].type"));
        as(token).body(aTariff(t -> t.put("effectiveFrom", "next monday")))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("effectiveFrom"));
        as(token).body(aTariff(t -> t.put("components", List.of(
                        Map.of("type", "ENERGY", "unitPrice", 0.35), Map.of("type", "ENERGY", "unitPrice", 0.40)))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains("components[1]"));
        as(token).body(aTariff(t -> t.put("vatRate", 1.5)))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains("vatRate"));
        as(token).body(aTariff(t -> t.put("userTypes", List.of("RESIDENT", "guest"))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains("userTypes[1]"));

        as(token).get("/api/operators/{o}/tariffs", operatorId).then().statusCode(200).body("items", empty());
    }

    @Test
    void hidesATariffFromAnotherOperatorsAdminAs404() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        UUID theirTariff = createTariff(theirs, aTariff(t -> { }));
        String myToken = TestTokens.operatorAdmin(mine);

        as(myToken).body(aTariff(t -> { })).post("/api/operators/{o}/tariffs", theirs)
                .then().statusCode(404).contentType("application/problem+json");
        as(myToken).get("/api/operators/{o}/tariffs", theirs).then().statusCode(404);
        as(myToken).get("/api/tariffs/{id}", theirTariff).then().statusCode(404);
        as(myToken).body(aTariff(t -> { })).put("/api/tariffs/{id}", theirTariff).then().statusCode(404);
        as(TestTokens.operatorAdmin(theirs)).get("/api/tariffs/{id}", theirTariff).then().statusCode(200)
                .body("versions", hasSize(1));
    }

    @Test
    void letsDriversReadTheirOperatorsTariffsButNotChangeThem() {
        UUID operatorId = UUID.randomUUID();
        UUID tariffId = createTariff(operatorId, aTariff(t -> { }));
        String driver = TestTokens.driver(operatorId, UUID.randomUUID());
        String driverElsewhere = TestTokens.driver(UUID.randomUUID(), UUID.randomUUID());

        as(driver).get("/api/operators/{o}/tariffs", operatorId).then().statusCode(200)
                .body("items.id", contains(tariffId.toString()));
        as(driver).get("/api/tariffs/{id}", tariffId).then().statusCode(200);
        as(driver).body(aTariff(t -> { })).post("/api/operators/{o}/tariffs", operatorId).then().statusCode(403);
        as(driver).body(aTariff(t -> { })).put("/api/tariffs/{id}", tariffId).then().statusCode(403);
        as(driverElsewhere).get("/api/operators/{o}/tariffs", operatorId).then().statusCode(404);
        as(driverElsewhere).get("/api/tariffs/{id}", tariffId).then().statusCode(404);
    }

    @Test
    void addsANewVersionOnUpdateAndKeepsTheOldOne() {
        UUID operatorId = UUID.randomUUID();
        UUID tariffId = createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));

        as(TestTokens.operatorAdmin(operatorId))
                .body(aTariff(t -> {
                    t.put("name", "Standaard laden 2026-Q2");
                    t.put("components", List.of(Map.of("type", "ENERGY", "unitPrice", 0.39)));
                    t.put("effectiveFrom", "2026-04-01T00:00:00Z");
                }))
                .put("/api/tariffs/{id}", tariffId)
                .then().statusCode(200)
                .body("name", equalTo("Standaard laden 2026-Q2"))
                .body("versions.version", contains(1, 2))
                .body("versions.effectiveFrom", contains("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z"))
                .body("versions[0].components.unitPrice", contains(new BigDecimal("0.35000"), new BigDecimal("0.50000")))
                .body("versions[1].components.unitPrice", contains(new BigDecimal("0.39000")));
        as(TestTokens.operatorAdmin(operatorId)).get("/api/tariffs/{id}", tariffId)
                .then().statusCode(200).body("versions.version", contains(1, 2));
    }

    @Test
    void refusesAVersionThatWouldTakeEffectBeforeTheLatest() {
        UUID operatorId = UUID.randomUUID();
        UUID tariffId = createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-04-01T00:00:00Z")));

        as(TestTokens.operatorAdmin(operatorId))
                .body(aTariff(t -> t.put("effectiveFrom", "2026-03-31T23:59:59Z")))
                .put("/api/tariffs/{id}", tariffId)
                .then().statusCode(400).body("violations.field", contains("effectiveFrom"));
        as(TestTokens.operatorAdmin(operatorId)).get("/api/tariffs/{id}", tariffId)
                .then().statusCode(200).body("versions", hasSize(1));
    }

    @Test
    void refusesToChangeTheUserTypesOfATariff() {
        UUID operatorId = UUID.randomUUID();
        UUID tariffId = createTariff(operatorId, aTariff(t -> t.put("userTypes", List.of("RESIDENT"))));

        as(TestTokens.operatorAdmin(operatorId)).body(aTariff(t -> t.put("userTypes", List.of("GUEST"))))
                .put("/api/tariffs/{id}", tariffId)
                .then().statusCode(400).body("violations.field", contains("userTypes"));
        as(TestTokens.operatorAdmin(operatorId)).body(aTariff(t -> { }))
                .put("/api/tariffs/{id}", tariffId)
                .then().statusCode(200).body("userTypes", contains("RESIDENT")).body("versions", hasSize(2));
    }

    @Test
    void createsATimeOfUseTariffWithEveryKindOfComponent() {
        UUID operatorId = UUID.randomUUID();

        as(TestTokens.operatorAdmin(operatorId)).body(aTariff(t -> t.put("components", List.of(
                        Map.of("type", "ENERGY", "unitPrice", "0.30"),
                        Map.of("type", "ENERGY", "unitPrice", "0.45", "label", "Piekuren", "restrictions", Map.of(
                                "daysOfWeek", List.of("FRIDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"),
                                "startTime", "17:00", "endTime", "21:00")),
                        Map.of("type", "ENERGY", "unitPrice", "0.20", "restrictions", Map.of(
                                "startTime", "23:00", "endTime", "07:00", "startDate", "2026-04-01",
                                "endDate", "2026-09-30")),
                        Map.of("type", "START_FEE", "unitPrice", "0.50"),
                        Map.of("type", "TIME", "unitPrice", "1.20", "timeBasis", "CONNECTED",
                                "restrictions", Map.of("minDurationMinutes", 240)),
                        Map.of("type", "IDLE_FEE", "unitPrice", "0.10", "graceMinutes", 15, "cap", "10"),
                        Map.of("type", "MIN_PRICE", "unitPrice", "1"),
                        Map.of("type", "MAX_PRICE", "unitPrice", "60")))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(201)
                .body("siteId", nullValue())
                .body("chargerId", nullValue())
                .body("versions[0].timeZone", equalTo("Europe/Amsterdam"))
                .body("versions[0].components.type", contains("ENERGY", "ENERGY", "ENERGY", "START_FEE", "TIME",
                        "IDLE_FEE", "MIN_PRICE", "MAX_PRICE"))
                .body("versions[0].components[1].label", equalTo("Piekuren"))
                .body("versions[0].components[1].restrictions.daysOfWeek", contains("MONDAY", "TUESDAY", "WEDNESDAY",
                        "THURSDAY", "FRIDAY"))
                .body("versions[0].components[1].restrictions.startTime", equalTo("17:00"))
                .body("versions[0].components[2].restrictions.startDate", equalTo("2026-04-01"))
                .body("versions[0].components[4].timeBasis", equalTo("CONNECTED"))
                .body("versions[0].components[4].restrictions.minDurationMinutes", equalTo(240))
                .body("versions[0].components[5].graceMinutes", equalTo(15))
                .body("versions[0].components[5].cap", equalTo(new BigDecimal("10.00")))
                .body("versions[0].components[0].restrictions", nullValue());
    }

    @Test
    void rejectsComponentsOfOneTypeThatWouldApplyAtTheSameMoment() {
        UUID operatorId = UUID.randomUUID();
        String token = TestTokens.operatorAdmin(operatorId);

        as(token).body(aTariff(t -> t.put("components", List.of(
                        Map.of("type", "ENERGY", "unitPrice", "0.30"),
                        Map.of("type", "ENERGY", "unitPrice", "0.45", "restrictions", Map.of(
                                "startTime", "17:00", "endTime", "21:00")),
                        Map.of("type", "ENERGY", "unitPrice", "0.20", "restrictions", Map.of(
                                "startTime", "20:00", "endTime", "07:00"))))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("components[2].restrictions"))
                .body("detail", containsString("components[1]"));
        as(token).body(aTariff(t -> t.put("components", List.of(
                        Map.of("type", "MIN_PRICE", "unitPrice", "30"), Map.of("type", "MAX_PRICE", "unitPrice", "20")))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains("components[1].unitPrice"));
        as(token).get("/api/operators/{o}/tariffs", operatorId).then().statusCode(200).body("items", empty());
    }

    @Test
    void rejectsBrokenRestrictionsAndOptionsNamingTheField() {
        UUID operatorId = UUID.randomUUID();
        String token = TestTokens.operatorAdmin(operatorId);

        assertRejected(token, operatorId, Map.of("type", "ENERGY", "unitPrice", "0.30",
                "restrictions", Map.of("startTime", "17:00")), "components[0].restrictions.endTime");
        assertRejected(token, operatorId, Map.of("type", "ENERGY", "unitPrice", "0.30",
                "restrictions", Map.of("startTime", "25:00", "endTime", "07:00")), "components[0].restrictions.startTime");
        assertRejected(token, operatorId, Map.of("type", "ENERGY", "unitPrice", "0.30",
                "restrictions", Map.of("daysOfWeek", List.of("FUNDAY"))), "components[0].restrictions.daysOfWeek[0]");
        assertRejected(token, operatorId, Map.of("type", "ENERGY", "unitPrice", "0.30",
                "restrictions", Map.of("daysOfWeek", List.of())), "components[0].restrictions.daysOfWeek");
        assertRejected(token, operatorId, Map.of("type", "ENERGY", "unitPrice", "0.30",
                "restrictions", Map.of("minKwh", "20", "maxKwh", "10")), "components[0].restrictions.maxKwh");
        assertRejected(token, operatorId, Map.of("type", "ENERGY", "unitPrice", "0.30",
                "restrictions", Map.of("startDate", "2026-05-01", "endDate", "2026-04-01")),
                "components[0].restrictions.endDate");
        assertRejected(token, operatorId, Map.of("type", "ENERGY", "unitPrice", "0.30", "graceMinutes", 10),
                "components[0].graceMinutes");
        assertRejected(token, operatorId, Map.of("type", "IDLE_FEE", "unitPrice", "0.10", "cap", "-1"),
                "components[0].cap");
        assertRejected(token, operatorId, Map.of("type", "START_FEE", "unitPrice", "0.50", "timeBasis", "CHARGING"),
                "components[0].timeBasis");
    }

    @Test
    void acceptsOnlyTheOperatorsOwnUserTypes() {
        UUID operatorId = UUID.randomUUID();
        String token = TestTokens.operatorAdmin(operatorId);

        // before the registry has told about the operator: the standard user types
        as(token).body(aTariff(t -> t.put("userTypes", List.of("VISITOR"))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains("userTypes[0]"))
                .body("detail", containsString("RESIDENT, EMPLOYEE, GUEST"));
        try (TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers())) {
            RegistryFixtures.publishAndAwait(topics, RegistryFixtures.operator(operatorId, 1, "Europe/London", "GBP",
                    List.of("RESIDENT", "VISITOR")));
        }

        as(token).body(aTariff(t -> t.put("userTypes", List.of("RESIDENT", "VISITOR"))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(201)
                .body("currency", equalTo("GBP"))
                .body("versions[0].timeZone", equalTo("Europe/London"));
        as(token).body(aTariff(t -> t.put("userTypes", List.of("RESIDENT", "EMPLOYEE"))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains("userTypes[1]"));
    }

    @Test
    void appliesATariffToASiteOrAChargerOfTheOperatorOnly() {
        UUID operatorId = UUID.randomUUID();
        UUID siteId = UUID.randomUUID();
        UUID chargerId = UUID.randomUUID();
        UUID othersCharger = UUID.randomUUID();
        String token = TestTokens.operatorAdmin(operatorId);
        try (TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers())) {
            RegistryFixtures.publishAndAwait(topics, RegistryFixtures.site(siteId, operatorId),
                    RegistryFixtures.charger(chargerId, 1, operatorId, siteId, "ZAP-" + chargerId, "ACTIVE"),
                    RegistryFixtures.charger(othersCharger, 1, UUID.randomUUID(), null, "ZAP-" + othersCharger,
                            "ACTIVE"));
        }

        String siteTariff = as(token).body(aTariff(t -> t.put("siteId", siteId.toString())))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(201).body("siteId", equalTo(siteId.toString())).extract().path("id");
        as(token).body(aTariff(t -> t.put("chargerId", chargerId.toString())))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(201).body("chargerId", equalTo(chargerId.toString()));
        as(token).body(aTariff(t -> t.put("chargerId", othersCharger.toString())))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains("chargerId"));
        as(token).body(aTariff(t -> t.put("siteId", UUID.randomUUID().toString())))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains("siteId"));
        as(token).body(aTariff(t -> {
                    t.put("siteId", siteId.toString());
                    t.put("chargerId", chargerId.toString());
                }))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).body("violations.field", contains("chargerId"));
        as(token).body(aTariff(t -> t.put("chargerId", chargerId.toString())))
                .put("/api/tariffs/{id}", siteTariff)
                .then().statusCode(400).body("violations.field", contains("chargerId"));
    }

    private static void assertRejected(String token, UUID operatorId, Map<String, Object> component, String field) {
        as(token).body(aTariff(t -> t.put("components", List.of(component))))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains(field));
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        given().get("/api/operators/{o}/tariffs", UUID.randomUUID()).then().statusCode(401);
        given().get("/api/sessions/{s}/price", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void documentsTheApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/operators/{operatorId}/tariffs"))
                .body(containsString("/api/sessions/{sessionId}/price"))
                .body(containsString("/api/chargers/{chargePointId}/tariff"))
                .body(containsString("/api/chargers/{chargePointId}/quote"));
    }
}
