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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.devstack.platform.Service;
import org.evsettle.testkit.ChargePointSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Companies over the real platform: an employee's home charger registered by the company, whose sessions
 * are reimbursed on a statement and paid out with a SEPA credit transfer file; and an employee whose
 * charging at the operator's chargers is invoiced to their employer instead of to them.
 */
class CompaniesAreSettledIT {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Map<String, Object> HOME = Map.of("street", "Beukenlaan 7", "postalCode", "3581 CD",
            "city", "Utrecht", "countryCode", "NL");
    private static final String PAYOUT_IBAN = "NL44RABO0123456789";

    private static RunningPlatform running;

    @BeforeAll
    static void platform() {
        running = RunningPlatform.get();
    }

    @Test
    void reimbursesAnEmployeesHomeChargingAndPaysItOutBySepa() {
        Tenant company = Tenant.create(running, "0.35", 0);
        LocalDate lastMonth = LocalDate.now(AMSTERDAM).withDayOfMonth(1).minusMonths(1);
        String users = running.url(Service.USER_SERVICE);
        String suffix = company.chargePointId().substring(3);

        updateDriver(company, company.driverId(), Map.of("userType", "EMPLOYEE", "payoutIban", PAYOUT_IBAN));
        UUID homeSite = created(given().auth().oauth2(company.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Home of Anna", "address", HOME, "kind", "HOME",
                        "ownerDriverId", company.driverId()))
                .post(users + "/api/operators/{o}/sites", company.operatorId()));
        String homeCharger = "HOME-" + suffix;
        String homePassword = given().auth().oauth2(company.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("siteId", homeSite, "chargePointId", homeCharger, "connectorCount", 1))
                .post(users + "/api/operators/{o}/chargers", company.operatorId())
                .then().statusCode(201).extract().path("ocppPassword");
        UUID partner = created(given().auth().oauth2(company.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bram de Vries", "email", "bram@" + suffix + ".example", "billingAddress", HOME,
                        "userType", "GUEST"))
                .post(users + "/api/operators/{o}/drivers", company.operatorId()));
        String partnerCard = ("05" + suffix + "0B").toUpperCase();
        given().auth().oauth2(company.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("driverId", partner, "idTag", partnerCard, "label", "Bram's card"))
                .post(users + "/api/operators/{o}/cards", company.operatorId()).then().statusCode(201);
        // the company pays its employees 0.30 per kWh charged at home, from the first of last month
        given().auth().oauth2(company.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("driverId", company.driverId(), "effectiveFrom", lastMonth.toString(), "basis", "FIXED",
                        "pricePerKwh", "0.30", "correction", true, "reason", "home charging reimbursed from "
                                + lastMonth))
                .post(running.url(Service.TARIFF_SERVICE) + "/api/operators/{o}/reimbursement-rates",
                        company.operatorId())
                .then().statusCode(201);

        Instant evening = lastMonth.plusDays(4).atTime(LocalTime.of(19, 0)).atZone(AMSTERDAM).toInstant();
        try (ChargePointSimulator charger = connect(homeCharger, homePassword)) {
            charger.call("BootNotification", Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go2"));
            charge(charger, company.cardIdTag(), evening, 1_000_000, 1_010_000);
            charge(charger, partnerCard, evening.plusSeconds(86_400), 1_010_000, 1_015_000);
        }

        JsonPath open = await("Anna's home session on last month's statement").atMost(Duration.ofSeconds(60)).until(
                () -> get(Service.INVOICE_SERVICE, "/api/me/invoices", company.driverToken()),
                body -> body != null && body.getList("items").size() == 1 && body.getInt("items[0].lineCount") == 1);
        assertThat(open.getString("items[0].kind")).isEqualTo("REIMBURSEMENT");
        String statementId = open.getString("items[0].id");
        // the partner's session at Anna's charger is neither invoiced nor reimbursed
        await("the partner's session priced as not billed").atMost(Duration.ofSeconds(30)).until(() ->
                get(Service.SESSION_SERVICE, "/api/sessions?siteKind=HOME&operatorId=" + company.operatorId(),
                        company.adminToken()), body -> body != null && body.getList("items").size() == 2);
        assertThat(get(Service.INVOICE_SERVICE, "/api/invoices?driverId=" + partner, company.adminToken())
                .getList("items")).isEmpty();

        given().auth().oauth2(company.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("periodStart", lastMonth.toString()))
                .post(running.url(Service.INVOICE_SERVICE) + "/api/operators/{o}/billing-runs", company.operatorId())
                .then().statusCode(200);
        JsonPath statement = get(Service.INVOICE_SERVICE, "/api/invoices/" + statementId, company.adminToken());
        assertThat(statement.getString("status")).isEqualTo("ISSUED");
        assertThat(decimal(statement, "vatAmount")).isEqualByComparingTo("0.00");
        assertThat(decimal(statement, "grossAmount")).isEqualByComparingTo("3.00");
        String number = statement.getString("number");
        assertThat(given().auth().oauth2(company.driverToken())
                .get(running.url(Service.INVOICE_SERVICE) + "/api/invoices/{id}/pdf", statementId)
                .then().statusCode(200).extract().asByteArray()).startsWith("%PDF".getBytes());

        String payout = created(given().auth().oauth2(company.adminToken()).contentType(ContentType.JSON)
                .body(Map.of()).post(running.url(Service.INVOICE_SERVICE) + "/api/operators/{o}/payouts",
                        company.operatorId())).toString();
        String pain = given().auth().oauth2(company.adminToken())
                .get(running.url(Service.INVOICE_SERVICE) + "/api/operators/{o}/payouts/{p}/pain.001",
                        company.operatorId(), payout)
                .then().statusCode(200).extract().asString();
        assertThat(pain).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09", PAYOUT_IBAN, number,
                ">3.00<");
        given().auth().oauth2(company.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("executedOn", LocalDate.now(AMSTERDAM).toString()))
                .post(running.url(Service.INVOICE_SERVICE) + "/api/operators/{o}/payouts/{p}/execution",
                        company.operatorId(), payout)
                .then().statusCode(200);
        assertThat(get(Service.INVOICE_SERVICE, "/api/invoices/" + statementId, company.driverToken())
                .getString("status")).isEqualTo("PAID");
    }

    @Test
    void invoicesTheEmployerForItsEmployeesChargingInsteadOfTheEmployee() {
        Tenant park = Tenant.create(running, "0.35", 0);
        LocalDate lastMonth = LocalDate.now(AMSTERDAM).withDayOfMonth(1).minusMonths(1);
        String users = running.url(Service.USER_SERVICE);
        String suffix = park.chargePointId().substring(3);
        UUID employer = created(given().auth().oauth2(park.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Acme Mobility", "email", "fleet@acme-" + suffix + ".example",
                        "billingAddress", HOME, "userType", "GUEST", "companyName", "Acme Mobility BV",
                        "companyVatNumber", "NL001234567B02", "companyRegistrationNumber", "87654321"))
                .post(users + "/api/operators/{o}/drivers", park.operatorId()));
        updateDriver(park, park.driverId(), Map.of("userType", "EMPLOYEE", "employerId", employer));

        Instant morning = lastMonth.plusDays(2).atTime(LocalTime.of(8, 30)).atZone(AMSTERDAM).toInstant();
        try (ChargePointSimulator charger = connect(park.chargePointId(), park.chargerPassword())) {
            charger.call("BootNotification", Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go2"));
            charge(charger, park.cardIdTag(), morning, 2_000_000, 2_012_340);
        }

        JsonPath employers = await("the session on the employer's invoice").atMost(Duration.ofSeconds(60)).until(
                () -> get(Service.INVOICE_SERVICE, "/api/invoices?driverId=" + employer, park.adminToken()),
                body -> body != null && body.getList("items").size() == 1 && body.getInt("items[0].lineCount") == 1);
        String invoiceId = employers.getString("items[0].id");
        JsonPath invoice = get(Service.INVOICE_SERVICE, "/api/invoices/" + invoiceId, park.adminToken());
        assertThat(invoice.getString("lines[0].employeeId")).isEqualTo(park.driverId().toString());
        assertThat(invoice.getString("lines[0].employeeName")).isEqualTo("Anna de Vries");
        // Anna sees her session, not her employer's invoice
        assertThat(get(Service.INVOICE_SERVICE, "/api/me/invoices", park.driverToken()).getList("items")).isEmpty();
        assertThat(get(Service.SESSION_SERVICE, "/api/me/sessions", park.driverToken()).getList("items")).hasSize(1);

        given().auth().oauth2(park.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("periodStart", lastMonth.toString()))
                .post(running.url(Service.INVOICE_SERVICE) + "/api/operators/{o}/billing-runs", park.operatorId())
                .then().statusCode(200);
        invoice = get(Service.INVOICE_SERVICE, "/api/invoices/" + invoiceId, park.adminToken());
        assertThat(invoice.getString("status")).isEqualTo("ISSUED");
        assertThat(invoice.getString("customer.companyName")).isEqualTo("Acme Mobility BV");
        assertThat(decimal(invoice, "netAmount")).isEqualByComparingTo("4.32");
        assertThat(decimal(invoice, "grossAmount")).isEqualByComparingTo("5.23");
    }

    /** One session of an hour on connector 1, from meterStart to meterStop (Wh), at the charger's own times. */
    private static void charge(ChargePointSimulator charger, String idTag, Instant start, int meterStart, int meterStop) {
        int transactionId = charger.call("StartTransaction", Map.of("connectorId", 1, "idTag", idTag,
                "meterStart", meterStart, "timestamp", start.toString())).get("transactionId").asInt();
        charger.call("StopTransaction", Map.of("transactionId", transactionId, "meterStop", meterStop,
                "timestamp", start.plusSeconds(3_600).toString(), "idTag", idTag, "reason", "EVDisconnected"));
    }

    /** Changes some of a driver's fields, keeping the others as they are. */
    private static void updateDriver(Tenant tenant, UUID driverId, Map<String, Object> changes) {
        String users = running.url(Service.USER_SERVICE);
        Map<String, Object> driver = new HashMap<>(given().auth().oauth2(tenant.adminToken())
                .get(users + "/api/drivers/{d}", driverId).then().statusCode(200).extract().jsonPath().getMap(""));
        List.of("id", "operatorId", "revision", "accountId", "createdAt", "updatedAt").forEach(driver::remove);
        driver.putAll(changes);
        given().auth().oauth2(tenant.adminToken()).contentType(ContentType.JSON).body(driver)
                .put(users + "/api/drivers/{d}", driverId).then().statusCode(200);
    }

    private static ChargePointSimulator connect(String chargePointId, String password) {
        return await("charger accepted by the gateway").atMost(Duration.ofSeconds(30))
                .ignoreException(ChargePointSimulator.HandshakeRefused.class)
                .until(() -> ChargePointSimulator.connect(running.gateway(), chargePointId, password), charger -> true);
    }

    private static UUID created(io.restassured.response.Response response) {
        return UUID.fromString(response.then().statusCode(201).extract().path("id"));
    }

    private static JsonPath get(Service service, String path, String token) {
        var response = given().auth().oauth2(token).get(running.url(service) + path);
        return response.statusCode() == 200
                ? response.jsonPath(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)) : null;
    }

    private static BigDecimal decimal(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }
}
