package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.tariffs.Sessions.aSession;
import static org.evsettle.tariffs.TariffFixtures.aTariff;
import static org.evsettle.tariffs.TariffFixtures.as;
import static org.evsettle.tariffs.TariffFixtures.createTariff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasToString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.Topics;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.tariffs.PricePurpose;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.SessionRepriced;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Home charging reimbursed: an employee's own sessions at their HOME site priced with their reimbursement rate (FIXED,
 * or their energy contract in force by day, night and weekend, capped), nobody else's billed there, a session without a card held, a session
 * without a rate waiting for one, and a rate never changed retroactively except by an audited correction that
 * reprices what it covers.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReimbursementTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Duration PRICED_WITHIN = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    /** An operator with a charge tariff, an employee Anna and her HOME site. */
    private record Company(UUID operatorId, UUID anna, UUID home, String admin) {
    }

    private Company aCompany() {
        UUID operatorId = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        UUID home = UUID.randomUUID();
        RegistryFixtures.publishAndAwait(topics,
                RegistryFixtures.operator(operatorId, 1, "Europe/Amsterdam", "EUR", List.of("RESIDENT", "EMPLOYEE", "GUEST")),
                RegistryFixtures.driver(anna, operatorId, "EMPLOYEE"),
                new SiteRecord(home, 1, operatorId, "Home of Anna", new Address("Beukenlaan 7", "3581 CD", "Utrecht", "NL"),
                        SiteKind.HOME, anna));
        createTariff(operatorId, aTariff(t -> t.put("effectiveFrom", "2026-01-01T00:00:00Z")));
        return new Company(operatorId, anna, home, TestTokens.operatorAdmin(operatorId));
    }

    @Test
    void reimbursesTheOwnersHomeSessionsAtTheFixedRateAndBillsNobodyElseThere() {
        Company company = aCompany();
        UUID rateId = createRate(company, rate(company.anna(), lastMonth(), r -> r.put("pricePerKwh", "0.30")));
        UUID partner = UUID.randomUUID();
        SessionCompleted own = aSession(s -> s.operatorId(company.operatorId()).siteId(company.home())
                .driverId(company.anna()).userType("EMPLOYEE").energyWh(10_000));
        SessionCompleted partners = aSession(s -> s.operatorId(company.operatorId()).siteId(company.home())
                .driverId(partner).userType("GUEST").energyWh(5_000));
        SessionCompleted unknownCard = aSession(s -> s.operatorId(company.operatorId()).siteId(company.home())
                .driverId(null).userType(null).energyWh(4_000));

        topics.publish("session-service", own);
        topics.publish("session-service", partners);
        topics.publish("session-service", unknownCard);

        SessionPriced reimbursed = awaitPrice(own);
        assertThat(reimbursed.purpose()).isEqualTo(PricePurpose.REIMBURSEMENT);
        assertThat(reimbursed.tariffId()).isEqualTo(rateId);
        assertThat(reimbursed.driverId()).isEqualTo(company.anna());
        assertThat(reimbursed.grossAmount()).isEqualByComparingTo("3.00");
        assertThat(reimbursed.vatAmount()).isEqualByComparingTo("0.00");
        assertThat(reimbursed.lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("Home charging");
            assertThat(line.unitPrice()).isEqualByComparingTo("0.30");
        });
        SessionPriced notBilled = awaitPrice(partners);
        assertThat(notBilled.purpose()).isEqualTo(PricePurpose.NOT_BILLED);
        assertThat(notBilled.tariffId()).isNull();
        assertThat(notBilled.grossAmount()).isEqualByComparingTo("0.00");
        await().atMost(PRICED_WITHIN).untilAsserted(() -> assertThat(as(company.admin())
                .get("/api/operators/{o}/unpriced-sessions", company.operatorId()).then().statusCode(200).extract()
                .jsonPath().getList("items.sessionId")).contains(unknownCard.sessionId().toString()));
        assertThat(pricesOf(unknownCard)).isEmpty();
        // a shared site of the same operator still charges its tariff
        SessionCompleted atWork = aSession(s -> s.operatorId(company.operatorId()).driverId(company.anna())
                .userType("EMPLOYEE").energyWh(10_000));
        topics.publish("session-service", atWork);
        assertThat(awaitPrice(atWork).purpose()).isEqualTo(PricePurpose.CHARGE);
    }

    @Test
    void reimbursesAMonthAtTheContractsInForceByDayNightAndWeekendCappedPerKwh() {
        Company company = aCompany();
        LocalDate first = lastMonth();
        createRate(company, rate(company.anna(), first.minusMonths(1), r -> {
            r.put("basis", "CONTRACT");
            r.put("capPerKwh", "0.35");
            r.put("monthlyCap", "50.00");
        }));
        String anna = TestTokens.driver(company.operatorId(), company.anna());
        UUID vattenfall = addContract(anna, "/api/me/energy-contracts", contract("Vattenfall", first, first.plusDays(13),
                "0.40", "0.22", true)).then().statusCode(201).body("nightStart", equalTo("23:00"))
                .extract().jsonPath().getUUID("id");
        addContract(anna, "/api/me/energy-contracts", contract("Eneco", first.plusDays(14), null, "0.30", null, false))
                .then().statusCode(201);

        LocalDate wednesday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        LocalDate saturday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        SessionCompleted evening = homeSession(company, wednesday.atTime(18, 0), 10_000);
        SessionCompleted night = homeSession(company, wednesday.atTime(1, 0), 10_000);
        SessionCompleted weekend = homeSession(company, saturday.atTime(12, 0), 10_000);
        SessionCompleted afterTheChange = homeSession(company, first.plusDays(20).atTime(18, 0), 10_000);
        SessionCompleted beforeAnyContract = homeSession(company, first.minusDays(3).atTime(12, 0), 10_000);
        for (SessionCompleted session : List.of(evening, night, weekend, afterTheChange, beforeAnyContract)) {
            topics.publish("session-service", session);
        }

        SessionPriced byDay = awaitPrice(evening);
        assertThat(byDay.lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("Home charging, day");
            assertThat(line.unitPrice()).as("0.40 held to the cap").isEqualByComparingTo("0.35");
        });
        assertThat(byDay.grossAmount()).isEqualByComparingTo("3.50");
        assertThat(byDay.vatAmount()).isEqualByComparingTo("0.00");
        assertThat(byDay.monthlyCap()).isEqualByComparingTo("50.00");
        assertThat(awaitPrice(night).lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("Home charging, night");
            assertThat(line.unitPrice()).isEqualByComparingTo("0.22");
        });
        assertThat(awaitPrice(weekend).lines()).as("weekends at the night price").singleElement()
                .satisfies(line -> assertThat(line.description()).isEqualTo("Home charging, night"));
        SessionPriced eneco = awaitPrice(afterTheChange);
        assertThat(eneco.lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("Home charging");
            assertThat(line.unitPrice()).isEqualByComparingTo("0.30");
        });
        assertThat(eneco.grossAmount()).isEqualByComparingTo("3.00");

        // a session before any contract waits for one, and is reimbursed once the company enters it
        await().atMost(PRICED_WITHIN).untilAsserted(() -> assertThat(as(company.admin())
                .get("/api/operators/{o}/unpriced-sessions", company.operatorId()).then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.sessionId == '" + beforeAnyContract.sessionId() + "' }.reason",
                        String.class)).singleElement().asString().contains("no energy contract in force on "
                        + first.minusDays(3)));
        addContract(company.admin(), "/api/operators/" + company.operatorId() + "/drivers/" + company.anna()
                + "/energy-contracts", contract("Greenchoice", first.minusMonths(1), first.minusDays(1), "0.28", null,
                false)).then().statusCode(201);
        assertThat(awaitPrice(beforeAnyContract).grossAmount()).isEqualByComparingTo("2.80");

        // what was reimbursed stands: no overlap, no end before a reimbursed day
        addContract(anna, "/api/me/energy-contracts", contract("Essent", first.plusDays(5), null, "0.25", null, false))
                .then().statusCode(400).body("violations[0].field", equalTo("validFrom"))
                .body("violations[0].message", containsString("Vattenfall"));
        as(anna).body(Map.of("validTo", first.toString())).put("/api/energy-contracts/{c}", vattenfall).then()
                .statusCode(409);
        as(anna).delete("/api/energy-contracts/{c}", vattenfall).then().statusCode(409);
        as(anna).get("/api/me/reimbursement-rate").then().statusCode(200).body("basis", equalTo("CONTRACT"))
                .body("contract.supplier", equalTo("Eneco")).body("capPerKwh", hasToString("0.35"));
        as(anna).get("/api/me/energy-contracts").then().statusCode(200)
                .body("items.supplier", contains("Greenchoice", "Vattenfall", "Eneco"));
        as(TestTokens.driver(company.operatorId(), UUID.randomUUID())).get("/api/energy-contracts/{c}", vattenfall)
                .then().statusCode(404);
        as(TestTokens.operatorAdmin(UUID.randomUUID())).get("/api/energy-contracts/{c}", vattenfall).then()
                .statusCode(404);
        as(company.admin()).get("/api/operators/{o}/audit-entries?entityType=EnergyContract", company.operatorId())
                .then().statusCode(200).body("items.action", hasItem("CREATED"));
    }

    @Test
    void anEmployeesOwnRateWinsOverTheUserTypesAndASessionWaitsUntilARateApplies() {
        Company company = aCompany();
        UUID colleague = UUID.randomUUID();
        UUID colleaguesHome = UUID.randomUUID();
        RegistryFixtures.publishAndAwait(topics, RegistryFixtures.driver(colleague, company.operatorId(), "EMPLOYEE"),
                new SiteRecord(colleaguesHome, 1, company.operatorId(), "Home of Bram",
                        new Address("Eikenlaan 3", "3581 CE", "Utrecht", "NL"), SiteKind.HOME, colleague));
        SessionCompleted waiting = aSession(s -> s.operatorId(company.operatorId()).siteId(colleaguesHome)
                .driverId(colleague).userType("EMPLOYEE").energyWh(10_000));
        topics.publish("session-service", waiting);
        await().atMost(PRICED_WITHIN).untilAsserted(() -> assertThat(as(company.admin())
                .get("/api/operators/{o}/unpriced-sessions", company.operatorId()).then().statusCode(200).extract()
                .jsonPath().getList("items.sessionId")).contains(waiting.sessionId().toString()));

        Map<String, Object> employees = rate(null, lastMonth(), r -> r.put("pricePerKwh", "0.20"));
        employees.put("userType", "EMPLOYEE");
        createRate(company, employees);
        createRate(company, rate(company.anna(), lastMonth(), r -> r.put("pricePerKwh", "0.30")));

        assertThat(awaitPrice(waiting).grossAmount()).as("the user type's rate, once it exists")
                .isEqualByComparingTo("2.00");
        SessionCompleted annas = homeSession(company, LocalDate.now(AMSTERDAM).minusDays(1).atTime(12, 0), 10_000);
        topics.publish("session-service", annas);
        assertThat(awaitPrice(annas).grossAmount()).as("her own rate").isEqualByComparingTo("3.00");
        as(TestTokens.driver(company.operatorId(), company.anna())).get("/api/me/reimbursement-rate").then()
                .statusCode(200).body("basis", equalTo("FIXED"));
        as(company.admin()).body(employees).post("/api/operators/{o}/reimbursement-rates", company.operatorId())
                .then().statusCode(409);
    }

    @Test
    void refusesARetroactiveVersionUnlessItIsACorrectionWhichIsAuditedAndReprices() {
        Company company = aCompany();
        UUID rateId = createRate(company, rate(company.anna(), lastMonth(), r -> r.put("pricePerKwh", "0.30")));
        SessionCompleted session = homeSession(company, LocalDate.now(AMSTERDAM).minusDays(1).atTime(12, 0), 10_000);
        topics.publish("session-service", session);
        assertThat(awaitPrice(session).grossAmount()).isEqualByComparingTo("3.00");

        Map<String, Object> lower = new HashMap<>(Map.of("effectiveFrom", lastMonth().toString(), "basis", "FIXED",
                "pricePerKwh", "0.25"));
        as(company.admin()).body(lower).post("/api/reimbursement-rates/{r}/versions", rateId).then().statusCode(400)
                .body("violations[0].field", equalTo("effectiveFrom"));
        lower.put("correction", true);
        as(company.admin()).body(lower).post("/api/reimbursement-rates/{r}/versions", rateId).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        lower.put("reason", "the company's rate was 0.25 since the start of last month");
        as(company.admin()).body(lower).post("/api/reimbursement-rates/{r}/versions", rateId).then().statusCode(200)
                .body("versions[1].correction", equalTo(true));

        List<SessionRepriced> repriced = await().atMost(PRICED_WITHIN).until(() -> topics.readAll(Topics.TARIFFS_EVENTS,
                SessionRepriced.class, r -> r.sessionId().equals(session.sessionId()), QUIET), list -> !list.isEmpty());
        assertThat(repriced.get(0).price().grossAmount()).isEqualByComparingTo("2.50");
        assertThat(repriced.get(0).price().purpose()).isEqualTo(PricePurpose.REIMBURSEMENT);
        JsonPath audit = as(company.admin()).get("/api/operators/{o}/audit-entries?entityType=ReimbursementRate",
                company.operatorId()).then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action")).contains("CORRECTED");

        as(TestTokens.operatorAdmin(UUID.randomUUID())).get("/api/reimbursement-rates/{r}", rateId).then().statusCode(404);
        as(TestTokens.driver(company.operatorId(), UUID.randomUUID())).get("/api/me/reimbursement-rate").then()
                .statusCode(404);
        as(company.admin()).get("/api/tariffs/{t}", rateId).then().statusCode(404);
    }

    private static Map<String, Object> contract(String supplier, LocalDate from, LocalDate to, String day,
                                                String night, boolean weekendsAtNightPrice) {
        Map<String, Object> form = new HashMap<>();
        form.put("supplier", supplier);
        form.put("validFrom", from.toString());
        form.put("validTo", to == null ? null : to.toString());
        form.put("dayPricePerKwh", day);
        form.put("nightPricePerKwh", night);
        form.put("weekendsAtNightPrice", weekendsAtNightPrice);
        return form;
    }

    private static io.restassured.response.Response addContract(String token, String path, Map<String, Object> form) {
        return as(token).body(form).post(path);
    }

    private SessionCompleted homeSession(Company company, java.time.LocalDateTime localStart, long energyWh) {
        return aSession(s -> s.operatorId(company.operatorId()).siteId(company.home()).driverId(company.anna())
                .userType("EMPLOYEE").energyWh(energyWh).startedAt(localStart.atZone(AMSTERDAM).toInstant())
                .duration(Duration.ofMinutes(90)));
    }

    private static LocalDate lastMonth() {
        return LocalDate.now(AMSTERDAM).withDayOfMonth(1).minusMonths(1);
    }

    /** A rate form for the driver from that date (a correction: it lies in the past), FIXED unless changed. */
    private static Map<String, Object> rate(UUID driverId, LocalDate from, java.util.function.Consumer<Map<String, Object>> changes) {
        Map<String, Object> form = new HashMap<>();
        if (driverId != null) {
            form.put("driverId", driverId);
        }
        form.put("effectiveFrom", from.toString());
        form.put("basis", "FIXED");
        form.put("correction", true);
        form.put("reason", "home charging reimbursed from " + from);
        changes.accept(form);
        return form;
    }

    private static UUID createRate(Company company, Map<String, Object> form) {
        return UUID.fromString(as(company.admin()).body(form)
                .post("/api/operators/{o}/reimbursement-rates", company.operatorId())
                .then().statusCode(201).extract().path("id"));
    }

    private SessionPriced awaitPrice(SessionCompleted session) {
        return await().atMost(PRICED_WITHIN).until(() -> pricesOf(session), list -> !list.isEmpty()).get(0);
    }

    private List<SessionPriced> pricesOf(SessionCompleted session) {
        return topics.readAll(Topics.TARIFFS_EVENTS, SessionPriced.class,
                priced -> priced.sessionId().equals(session.sessionId()), QUIET);
    }
}
