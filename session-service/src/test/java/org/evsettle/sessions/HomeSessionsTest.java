package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.SessionWaits.PATIENCE;
import static org.evsettle.sessions.SessionWaits.awaitCompleted;
import static org.evsettle.sessions.SessionWaits.awaitStatus;
import static org.evsettle.sessions.SessionWaits.completions;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.ocpp.ChargeAuthorization;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.events.tariffs.PricePurpose;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class HomeSessionsTest {

    private static final Instant T0 = Instant.parse("2026-03-10T18:00:00Z");
    private static final String MARCH = "from=2026-03-01&to=2026-03-31";

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());
    private final Registry registry = new Registry(topics);
    private final UUID operatorId = UUID.randomUUID();
    private final UUID employee = UUID.randomUUID();
    private final UUID homeSite = UUID.randomUUID();
    private final UUID officeSite = UUID.randomUUID();

    @BeforeEach
    void registerAnEmployeeWithAHomeCharger() {
        registry.operator(operatorId, "Smit Logistiek BV", "Europe/Amsterdam");
        registry.driver(employee, operatorId, "Anna de Vries", "EMPLOYEE");
        registry.site(officeSite, operatorId, "Kantoor Utrecht");
        registry.homeSite(homeSite, operatorId, "Thuislader Anna", employee);
    }

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    private ChargerReports charge(UUID siteId, UUID driverId, long minutes) {
        ChargerReports tx = aTransaction(new ChargeAuthorization("Accepted", operatorId, siteId, UUID.randomUUID(),
                driverId == null ? null : UUID.randomUUID(), driverId));
        topics.publish(tx.started(100_000, T0.plusSeconds(minutes * 60)));
        topics.publish(tx.stopped(112_340, T0.plusSeconds(minutes * 60 + 3600)));
        return tx;
    }

    private String admin() {
        return TestTokens.operatorAdmin(operatorId);
    }

    @Test
    void holdsAnUnknownCardAtAHomeChargerForReviewAndAnnouncesItOnlyOnceReleased() {
        ChargerReports guest = charge(homeSite, null, 0);
        awaitStatus(guest.sessionId(), SessionStatus.HELD);

        given().auth().oauth2(admin()).get("/api/sessions/{id}", guest.sessionId()).then().statusCode(200)
                .body("siteKind", equalTo("HOME"))
                .body("anomalies.rule", contains("NO_DRIVER"))
                .body("anomalies[0].detail", containsString("at the home charger site Thuislader Anna"))
                .body("heldReason", startsWith("card "));
        assertThat(completions(topics, guest.sessionId())).isEmpty();

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("reason", "The employee's new card, registered since")).post("/api/sessions/{id}/release",
                        guest.sessionId()).then().statusCode(200).body("status", equalTo("COMPLETED"));
        assertThat(awaitCompleted(topics, guest.sessionId()).energyWh()).isEqualTo(12_340);
    }

    @Test
    void holdsAnUnknownCardAtASharedSiteWithThePlainReason() {
        ChargerReports stranger = charge(officeSite, null, 0);
        awaitStatus(stranger.sessionId(), SessionStatus.HELD);
        given().auth().oauth2(admin()).get("/api/sessions/{id}", stranger.sessionId()).then()
                .body("siteKind", equalTo("SHARED")).body("anomalies[0].detail", equalTo("no driver"));
    }

    @Test
    void filtersListsAndTheChargeReportBySiteKindAndShowsWhatAPriceIsFor() throws Exception {
        ChargerReports atHome = charge(homeSite, employee, 0);
        ChargerReports atOffice = charge(officeSite, employee, 120);
        awaitCompleted(topics, atHome.sessionId());
        awaitCompleted(topics, atOffice.sessionId());

        given().auth().oauth2(admin()).get("/api/sessions?siteKind=HOME").then().statusCode(200)
                .body("items.sessionId", contains(atHome.sessionId().toString()))
                .body("items[0].siteKind", equalTo("HOME"));
        given().auth().oauth2(admin()).get("/api/sessions?siteKind=SHARED").then().statusCode(200)
                .body("items.sessionId", contains(atOffice.sessionId().toString()))
                .body("items[0].siteKind", equalTo("SHARED"));
        given().auth().oauth2(admin()).get("/api/sessions").then().statusCode(200)
                .body("items.sessionId", contains(atOffice.sessionId().toString(), atHome.sessionId().toString()));
        given().auth().oauth2(admin()).get("/api/sessions?siteKind=ELSEWHERE").then().statusCode(400);
        String employeesToken = TestTokens.driver(operatorId, employee);
        given().auth().oauth2(employeesToken).get("/api/me/sessions?siteKind=HOME").then().statusCode(200)
                .body("items.sessionId", contains(atHome.sessionId().toString()));
        given().auth().oauth2(employeesToken).get("/api/me/sessions?siteKind=SHARED").then().statusCode(200)
                .body("items.sessionId", contains(atOffice.sessionId().toString()));

        given().auth().oauth2(admin()).get("/api/reports/sessions?operatorId=" + operatorId + "&" + MARCH
                + "&siteKind=HOME").then().statusCode(200).body("totals.sessions", equalTo(1))
                .body("sessions.sessionId", contains(atHome.sessionId().toString()));
        String csv = given().auth().oauth2(admin()).get("/api/reports/sessions?operatorId=" + operatorId + "&" + MARCH
                + "&siteKind=SHARED&format=csv&lang=en").then().statusCode(200).extract().asString();
        assertThat(csv).contains("# Filters: siteKind=SHARED, status=COMPLETED", atOffice.sessionId().toString())
                .doesNotContain(atHome.sessionId().toString());
        byte[] xlsx = given().auth().oauth2(admin()).get("/api/reports/sessions?operatorId=" + operatorId + "&" + MARCH
                + "&siteKind=HOME&format=xlsx").then().statusCode(200).extract().asByteArray();
        assertThat(ChargeReportTest.unzip(xlsx).values()).anyMatch(part -> part.contains(atHome.sessionId().toString()))
                .noneMatch(part -> part.contains(atOffice.sessionId().toString()));
        given().auth().oauth2(employeesToken).get("/api/me/reports/sessions?" + MARCH + "&siteKind=HOME").then()
                .statusCode(200).body("sessions.sessionId", contains(atHome.sessionId().toString()));

        topics.publish("tariff-service", priced(atHome, PricePurpose.REIMBURSEMENT, "3.70"));
        topics.publish("tariff-service", priced(atOffice, PricePurpose.CHARGE, "4.32"));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(admin())
                .get("/api/sessions?siteKind=HOME").then().body("items[0].cost.purpose", equalTo("REIMBURSEMENT"))
                .body("items[0].cost.netAmount", equalTo(3.70f)));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(admin())
                .get("/api/sessions/{id}", atOffice.sessionId()).then().body("cost.purpose", equalTo("CHARGE")));

        ChargerReports partner = charge(homeSite, UUID.randomUUID(), 240);
        awaitCompleted(topics, partner.sessionId());
        topics.publish("tariff-service", priced(partner, PricePurpose.NOT_BILLED, "0.00"));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(admin())
                .get("/api/sessions/{id}", partner.sessionId()).then().body("cost.purpose", equalTo("NOT_BILLED"))
                .body("siteKind", equalTo("HOME")));
    }

    private SessionPriced priced(ChargerReports tx, PricePurpose purpose, String net) {
        BigDecimal amount = new BigDecimal(net);
        List<PriceLine> lines = amount.signum() == 0 ? List.of() : List.of(new PriceLine("ENERGY", "Energy",
                new BigDecimal("12.340"), "kWh", new BigDecimal("0.30"), amount));
        return new SessionPriced(tx.sessionId(), operatorId, employee, new PricedSession(tx.chargePointId,
                tx.transactionId, null, null, null, null, null, null, 12_340), UUID.randomUUID(), 1, "EUR", lines,
                amount, BigDecimal.ZERO, BigDecimal.ZERO.setScale(2), amount, purpose, null);
    }
}
