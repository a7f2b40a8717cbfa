package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.SessionWaits.PATIENCE;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.evsettle.events.ocpp.ChargeAuthorization;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.sessions.api.ReportResource;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChargeReportTest {

    private static final String JANUARY = "from=2026-01-01&to=2026-01-31";

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    private final UUID operatorId = UUID.randomUUID();
    private final UUID siteId = UUID.randomUUID();
    private final UUID anna = UUID.randomUUID();
    private final UUID bram = UUID.randomUUID();
    private final UUID annasCard = UUID.randomUUID();
    private final UUID bramsCard = UUID.randomUUID();
    /** Anna, 23:50 on 31 January in Amsterdam (22:50 UTC): January. */
    private ChargerReports lateInJanuary;
    /** Anna, 00:10 on 1 February in Amsterdam (still 31 January in UTC): February, not priced yet. */
    private ChargerReports pastMidnight;
    /** Bram, mid-January. */
    private ChargerReports midJanuary;
    /** Bram, held: nothing delivered. */
    private ChargerReports held;

    @BeforeAll
    void chargeInJanuaryAndFebruary() {
        Registry registry = new Registry(topics);
        registry.operator(operatorId, "Woonstichting De Linde", "Europe/Amsterdam");
        registry.site(siteId, operatorId, "Lindelaan garage");
        registry.driver(anna, operatorId, "Anna de Vries", "RESIDENT");
        registry.driver(bram, operatorId, "Bram Jansen", "GUEST");
        registry.card(annasCard, operatorId, anna, "04A2B3C4", "Anna's Golf");
        registry.card(bramsCard, operatorId, bram, "04A2B3C5", null);

        lateInJanuary = charge(anna, annasCard, Instant.parse("2026-01-31T22:50:00Z"), 60, 12_340);
        pastMidnight = charge(anna, annasCard, Instant.parse("2026-01-31T23:10:00Z"), 30, 5_000);
        midJanuary = charge(bram, bramsCard, Instant.parse("2026-01-15T10:00:00Z"), 120, 20_000);
        held = charge(bram, bramsCard, Instant.parse("2026-01-20T08:00:00Z"), 10, 0);
        // REST Assured learns the test port only before each test: the setup looks in the database
        awaitStored(lateInJanuary, SessionStatus.COMPLETED);
        awaitStored(pastMidnight, SessionStatus.COMPLETED);
        awaitStored(midJanuary, SessionStatus.COMPLETED);
        awaitStored(held, SessionStatus.HELD);

        price(lateInJanuary, "4.32", "0.91", "5.23");
        price(midJanuary, "7.00", "1.47", "8.47");
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> SessionPrice.count("sessionId in ?1", List.of(lateInJanuary.sessionId(), midJanuary.sessionId())))
                == 2);
    }

    @AfterAll
    void closeProbe() {
        topics.close();
    }

    private static void awaitStored(ChargerReports tx, SessionStatus status) {
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ChargingSession.<ChargingSession>findByIdOptional(tx.sessionId())
                        .map(session -> session.status == status).orElse(false)));
    }

    private ChargerReports charge(UUID driverId, UUID cardId, Instant start, long minutes, long energyWh) {
        ChargerReports tx = aTransaction(new ChargeAuthorization("Accepted", operatorId, siteId, UUID.randomUUID(),
                cardId, driverId));
        topics.publish(tx.started(1_000_000, start));
        topics.publish(tx.stopped(1_000_000 + energyWh, start.plus(Duration.ofMinutes(minutes))));
        return tx;
    }

    private void price(ChargerReports tx, String net, String vat, String gross) {
        topics.publish("tariff-service", new SessionPriced(tx.sessionId(), operatorId, null,
                new PricedSession(tx.chargePointId, tx.transactionId, siteId, null, null, null, null, null, 0),
                UUID.randomUUID(), 1, "EUR", List.of(new PriceLine("ENERGY", "Energy", BigDecimal.ONE, "kWh",
                new BigDecimal(net), new BigDecimal(net))), new BigDecimal(net), new BigDecimal("0.21"),
                new BigDecimal(vat), new BigDecimal(gross)));
    }

    private Response report(String token, String query) {
        return given().auth().oauth2(token).get("/api/reports/sessions?operatorId=" + operatorId + "&" + query);
    }

    private String admin() {
        return TestTokens.operatorAdmin(operatorId);
    }

    @Test
    void reportsTheSessionsThatStartedInTheMonthInTheOperatorsTimeZoneWithTotals() {
        String body = report(admin(), JANUARY).then().statusCode(200).contentType("application/json")
                .body("operator.name", equalTo("Woonstichting De Linde"))
                .body("operator.timeZone", equalTo("Europe/Amsterdam"))
                .body("period.from", equalTo("2026-01-01"))
                .body("period.to", equalTo("2026-01-31"))
                .body("language", equalTo("nl"))
                .body("period.rule", startsWith("Een sessie hoort bij de periode waarin ze begon, in de tijdzone van"
                        + " de exploitant"))
                .body("filters.status", equalTo("COMPLETED"))
                .body("totals.sessions", equalTo(2))
                .body("totals.energyWh", equalTo(32_340))
                .body("totals.connectedSeconds", equalTo(3 * 3600))
                .body("totals.unpricedSessions", equalTo(0))
                .body("totals.cost.currency", equalTo("EUR"))
                .body("sessions.sessionId", contains(midJanuary.sessionId().toString(),
                        lateInJanuary.sessionId().toString()))
                .body("sessions[1].startedAt", equalTo("2026-01-31T23:50:00+01:00"))
                .body("sessions[1].stoppedAt", equalTo("2026-02-01T00:50:00+01:00"))
                .body("sessions[1].driverName", equalTo("Anna de Vries"))
                .body("sessions[1].siteName", equalTo("Lindelaan garage"))
                .body("sessions[1].cardLabel", equalTo("Anna's Golf"))
                .body("sessions[1].userType", equalTo("RESIDENT"))
                .body("sessions[1].cost.currency", equalTo("EUR"))
                .extract().asString();
        assertThat(body).contains("\"energyKwh\":32.340", "\"netAmount\":11.32", "\"vatAmount\":2.38",
                "\"grossAmount\":13.70", "\"energyKwh\":12.340", "\"grossAmount\":5.23");

        report(admin(), "from=2026-02-01&to=2026-02-28").then().statusCode(200)
                .body("sessions.sessionId", contains(pastMidnight.sessionId().toString()))
                .body("sessions[0].startedAt", equalTo("2026-02-01T00:10:00+01:00"))
                .body("sessions[0].cost", equalTo(null))
                .body("totals.unpricedSessions", equalTo(1));
    }

    @Test
    void groupsByDriverDayCardAndCharger() {
        report(admin(), JANUARY + "&groupBy=driver").then().statusCode(200)
                .body("groupBy", equalTo("driver"))
                .body("groups.label", contains("Anna de Vries", "Bram Jansen"))
                .body("groups.key", contains(anna.toString(), bram.toString()))
                .body("groups.sessions", contains(1, 1))
                .body("groups.energyWh", contains(12_340, 20_000))
                .body("totals.sessions", equalTo(2));
        report(admin(), JANUARY + "&groupBy=day").then().statusCode(200)
                .body("groups.key", contains("2026-01-15", "2026-01-31"));
        report(admin(), JANUARY + "&groupBy=card").then().statusCode(200)
                .body("groups.label", contains("04A2B3C4", "Anna's Golf (04A2B3C4)"))
                .body("groups.key", contains(bramsCard.toString(), annasCard.toString()));
        report(admin(), JANUARY + "&groupBy=charger").then().statusCode(200)
                .body("groups.key.size()", equalTo(2));
        report(admin(), JANUARY + "&groupBy=userType").then().statusCode(200)
                .body("groups.key", contains("GUEST", "RESIDENT"));
    }

    @Test
    void filtersBySiteDriverCardUserTypeAndStatus() {
        report(admin(), JANUARY + "&driverId=" + bram).then()
                .body("sessions.sessionId", contains(midJanuary.sessionId().toString()))
                .body("filters.driverId", equalTo(bram.toString()));
        report(admin(), JANUARY + "&cardId=" + annasCard).then()
                .body("sessions.sessionId", contains(lateInJanuary.sessionId().toString()));
        report(admin(), JANUARY + "&userType=GUEST").then()
                .body("sessions.sessionId", contains(midJanuary.sessionId().toString()));
        report(admin(), JANUARY + "&siteId=" + siteId).then().body("totals.sessions", equalTo(2));
        report(admin(), JANUARY + "&siteId=" + UUID.randomUUID()).then().body("totals.sessions", equalTo(0));
        report(admin(), JANUARY + "&chargePointId=" + lateInJanuary.chargePointId).then()
                .body("sessions.sessionId", contains(lateInJanuary.sessionId().toString()));
        report(admin(), JANUARY + "&status=held").then()
                .body("sessions.sessionId", contains(held.sessionId().toString()));
    }

    @Test
    void downloadsTheReportAsCsvWithAHeaderNamingOperatorPeriodFiltersAndGenerationTime() {
        Response csv = given().auth().oauth2(admin()).accept("text/csv")
                .get("/api/reports/sessions?operatorId=" + operatorId + "&" + JANUARY + "&userType=RESIDENT&lang=en");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("charge-report-2026-01-01-to-2026-01-31.csv"));
        List<String> lines = csv.asString().lines().toList();

        assertThat(lines.get(0)).isEqualTo("# EV Settle charge report");
        assertThat(lines).contains("# Operator: Woonstichting De Linde (" + operatorId + ")",
                "# Period: 2026-01-01 to 2026-01-31 (Europe/Amsterdam)",
                "# Rule: A session belongs to the period in which it started, in the operator's time zone; a "
                        + "session that runs past the end of the period is counted whole in it.",
                "# Filters: userType=RESIDENT, status=COMPLETED",
                "# Grouped by: none (one line per session)",
                "# Totals: 1 sessions, 12.340 kWh, 1:00:00 connected (1:00:00 charging, 0:00:00 idle), EUR 4.32 net, "
                        + "0.91 VAT, 5.23 gross; 0 not priced yet",
                "Session,Status,Started,Stopped,Duration,Charging,Idle,Energy (kWh),Site,Charger,Connector,Driver,"
                        + "Card,ID tag,User type,Currency,Net,VAT,Gross",
                lateInJanuary.sessionId() + ",COMPLETED,2026-01-31T23:50:00+01:00,2026-02-01T00:50:00+01:00,1:00:00,"
                        + "1:00:00,0:00:00,12.340,Lindelaan garage," + lateInJanuary.chargePointId + ",1,Anna de Vries,"
                        + "Anna's Golf,04A2B3C4,RESIDENT,EUR,4.32,0.91,5.23");
        assertThat(lines).anyMatch(line -> line.startsWith("# Generated: 20"));
        assertThat(lines).hasSize(10);

        List<String> grouped = given().auth().oauth2(admin())
                .get("/api/reports/sessions?operatorId=" + operatorId + "&" + JANUARY + "&groupBy=Driver&format=CSV&lang=EN")
                .then().statusCode(200).extract().asString().lines().toList();
        assertThat(grouped).contains("Driver,Key,Sessions,Energy (kWh),Duration,Charging,Idle,Currency,Net,VAT,Gross,"
                        + "Unpriced sessions",
                "Anna de Vries," + anna + ",1,12.340,1:00:00,1:00:00,0:00:00,EUR,4.32,0.91,5.23,0",
                "Bram Jansen," + bram + ",1,20.000,2:00:00,2:00:00,0:00:00,EUR,7.00,1.47,8.47,0");
    }

    @Test
    void defusesAChargerIdAndADriverNameThatASpreadsheetWouldRunAsAFormula() {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        UUID otherOperator = UUID.randomUUID();
        UUID mallory = UUID.randomUUID();
        UUID mallorysCard = UUID.randomUUID();
        Registry registry = new Registry(topics);
        registry.operator(otherOperator, "VvE Formule", "Europe/Amsterdam");
        UUID otherSite = UUID.randomUUID();
        registry.site(otherSite, otherOperator, "-1 garage");
        registry.driver(mallory, otherOperator, formula, "RESIDENT");
        registry.card(mallorysCard, otherOperator, mallory, "04A2B3C9", "@SUM(A1)");
        ChargerReports tx = ChargerReports.onCharger(formula, new ChargeAuthorization("Accepted", otherOperator,
                otherSite, UUID.randomUUID(), mallorysCard, mallory));
        Instant start = Instant.parse("2026-01-10T10:00:00Z");
        topics.publish(tx.started(1_000, start));
        topics.publish(tx.stopped(2_000, start.plus(Duration.ofMinutes(30))));
        awaitStored(tx, SessionStatus.COMPLETED);

        String defused = "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
        List<String> lines = given().auth().oauth2(TestTokens.operatorAdmin(otherOperator)).accept("text/csv")
                .get("/api/reports/sessions?operatorId=" + otherOperator + "&" + JANUARY + "&lang=en")
                .then().statusCode(200).extract().asString().lines().toList();
        assertThat(lines).anyMatch(line -> line.startsWith(tx.sessionId() + ",COMPLETED,2026-01-10T11:00:00+01:00,"
                + "2026-01-10T11:30:00+01:00,0:30:00,0:30:00,0:00:00,1.000,'-1 garage," + defused + ",1," + defused
                + ",'@SUM(A1),04A2B3C4,RESIDENT,"));
        List<String> byCharger = given().auth().oauth2(TestTokens.operatorAdmin(otherOperator))
                .get("/api/reports/sessions?operatorId=" + otherOperator + "&" + JANUARY + "&groupBy=Charger&format=csv")
                .then().statusCode(200).extract().asString().lines().toList();
        assertThat(byCharger).anyMatch(line -> line.startsWith(defused + "," + defused + ",1,1.000,"));
        assertThat(String.join("\n", byCharger)).doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
    }

    @Test
    void writesTheHeadersInTheOperatorsLanguageOrTheAskedOneAndKeepsTheJsonKeys() {
        List<String> dutch = given().auth().oauth2(admin())
                .get("/api/reports/sessions?operatorId=" + operatorId + "&" + JANUARY + "&userType=RESIDENT&format=csv")
                .then().statusCode(200).extract().asString().lines().toList();
        assertThat(dutch).contains("# EV Settle laadrapport",
                "# Exploitant: Woonstichting De Linde (" + operatorId + ")",
                "# Periode: 2026-01-01 tot en met 2026-01-31 (Europe/Amsterdam)",
                "# Regel: Een sessie hoort bij de periode waarin ze begon, in de tijdzone van de exploitant; een sessie"
                        + " die na het einde van de periode doorloopt, telt daarin helemaal mee.",
                "# Gegroepeerd per: niets (één regel per sessie)",
                "# Totalen: 1 sessies, 12.340 kWh, 1:00:00 aangesloten (1:00:00 laden, 0:00:00 inactief), EUR 4.32 netto, "
                        + "0.91 btw, 5.23 bruto; 0 nog niet geprijsd",
                "Sessie,Status,Start,Einde,Duur,Laden,Inactief,Energie (kWh),Locatie,Laadpunt,Aansluiting,Rijder,"
                        + "Laadpas,ID-tag,Gebruikerstype,Valuta,Netto,Btw,Bruto");

        List<String> french = given().auth().oauth2(admin())
                .get("/api/reports/sessions?operatorId=" + operatorId + "&" + JANUARY + "&groupBy=day&format=csv&lang=fr")
                .then().statusCode(200).extract().asString().lines().toList();
        assertThat(french).contains("# Rapport de recharge EV Settle", "# Exploitant : Woonstichting De Linde ("
                        + operatorId + ")", "# Période : du 2026-01-01 au 2026-01-31 (Europe/Amsterdam)",
                "# Regroupé par : day",
                "Jour,Clé,Sessions,Énergie (kWh),Durée,En charge,Inactif,Devise,HT,TVA,TTC,Sessions non tarifées");

        // JSON keeps its keys; the rule, a sentence for people, is in the language
        report(admin(), JANUARY + "&lang=fr").then().statusCode(200).body("language", equalTo("fr"))
                .body("period.rule", startsWith("Une session appartient à la période où elle a commencé"))
                .body("totals.sessions", equalTo(2));
        report(admin(), JANUARY + "&lang=es").then().statusCode(400).body("violations[0].field", equalTo("lang"));
    }

    @Test
    void givesADriverTheReportInTheirOwnLanguage() {
        UUID claire = UUID.randomUUID();
        new Registry(topics).driver(claire, operatorId, "Claire Martin", "RESIDENT", "fr");
        String claires = TestTokens.driver(operatorId, claire);
        assertThat(given().auth().oauth2(claires).get("/api/me/reports/sessions?" + JANUARY + "&format=csv").then()
                .statusCode(200).extract().asString()).startsWith("# Rapport de recharge EV Settle\r\n");
        // one who chose none reads the operator's
        assertThat(given().auth().oauth2(TestTokens.driver(operatorId, anna)).get("/api/me/reports/sessions?" + JANUARY
                + "&format=csv").then().statusCode(200).extract().asString()).startsWith("# EV Settle laadrapport\r\n");
        assertThat(given().auth().oauth2(claires).get("/api/me/reports/sessions?" + JANUARY + "&format=csv&lang=de")
                .then().statusCode(200).extract().asString()).startsWith("# EV Settle Ladebericht\r\n");
    }

    @Test
    void downloadsTheReportAsAnExcelWorkbook() throws IOException {
        Response xlsx = given().auth().oauth2(admin()).accept(ReportResource.XLSX)
                .get("/api/reports/sessions?operatorId=" + operatorId + "&" + JANUARY + "&groupBy=driver");
        xlsx.then().statusCode(200).contentType(ReportResource.XLSX)
                .header("Content-Disposition", containsString(".xlsx"));
        Map<String, String> parts = unzip(xlsx.asByteArray());

        assertThat(parts).containsKeys("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
        // a Dutch operator that chose no language reads Dutch
        assertThat(parts.get("xl/workbook.xml")).contains("name=\"Rapport\"", "name=\"Sessies\"");
        String everything = String.join("\n", parts.values());
        assertThat(everything).contains("Woonstichting De Linde", "Europe/Amsterdam", "2026-01-01 tot en met 2026-01-31",
                "Een sessie hoort bij de periode waarin ze begon", "Exploitant", "Gegroepeerd per", "Rijder",
                "Energie (kWh)", "Niet geprijsde sessies", "Anna de Vries", "Bram Jansen");
        assertThat(parts.get("xl/worksheets/sheet2.xml"))
                .contains(lateInJanuary.sessionId().toString(), midJanuary.sessionId().toString())
                .doesNotContain(pastMidnight.sessionId().toString());
    }

    @Test
    void givesADriverTheirOwnReportOnly() {
        String annasToken = TestTokens.driver(operatorId, anna);
        given().auth().oauth2(annasToken).get("/api/me/reports/sessions?" + JANUARY)
                .then().statusCode(200)
                .body("sessions.sessionId", contains(lateInJanuary.sessionId().toString()))
                .body("filters.driverId", equalTo(anna.toString()))
                .body("totals.sessions", equalTo(1));
        given().auth().oauth2(annasToken).get("/api/me/reports/sessions?" + JANUARY + "&format=csv")
                .then().statusCode(200).body(containsString("Anna de Vries")).body(
                        not(containsString("Bram Jansen")));
        given().auth().oauth2(annasToken).get("/api/reports/sessions?operatorId=" + operatorId).then().statusCode(403);
    }

    @Test
    void refusesAReportOfAnotherOperatorOrWithWrongParameters() {
        report(TestTokens.operatorAdmin(UUID.randomUUID()), JANUARY).then().statusCode(404);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/reports/sessions?" + JANUARY)
                .then().statusCode(400).body("violations.field", contains("operatorId"));
        report(TestTokens.platformAdmin(), JANUARY).then().statusCode(200).body("totals.sessions", equalTo(2));
        report(admin(), "from=2026-13-01").then().statusCode(400).body("violations.field", contains("from"));
        report(admin(), "from=2026-02-01&to=2026-01-01").then().statusCode(400)
                .body("violations.field", contains("to"));
        report(admin(), JANUARY + "&groupBy=planet").then().statusCode(400);
        report(admin(), JANUARY + "&status=LOST").then().statusCode(400)
                .body("violations[0].message", containsString("ACTIVE, AWAITING_START, COMPLETED, HELD"));
        report(admin(), JANUARY + "&format=pdf").then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
        // a driver not of this operator (or not known here at all) is not the admin's to report on
        report(admin(), JANUARY + "&driverId=" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/reports/sessions?operatorId=" + operatorId).then().statusCode(401);
    }

    /** The parts of a workbook, read by its central directory as spreadsheet programs read it. */
    static Map<String, String> unzip(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("charge-report-", ".xlsx");
        try {
            Files.write(file, bytes);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(),
                            StandardCharsets.UTF_8));
                }
            }
            return parts;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
