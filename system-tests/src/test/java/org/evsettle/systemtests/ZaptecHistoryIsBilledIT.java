package org.evsettle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.testkit.ZaptecStub.session;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.devstack.platform.Service;
import org.evsettle.events.EventIds;
import org.evsettle.testkit.ZaptecStub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An operator with only Zaptec API credentials gets a correct invoice for last month: session-service signs in to
 * (a stub of) Zaptec's API, imports the installation's charge history, and the sessions are priced by
 * tariff-service and invoiced by invoice-service as a charger's would be.
 */
class ZaptecHistoryIsBilledIT {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static RunningPlatform running;

    @BeforeAll
    static void platform() {
        running = RunningPlatform.get();
    }

    @Test
    void invoicesLastMonthsZaptecSessionsFromTheApiCredentialsAlone() {
        Tenant tenant = Tenant.create(running, "0.35", 0);
        LocalDate lastMonth = LocalDate.now(AMSTERDAM).withDayOfMonth(1).minusMonths(1);
        var start = lastMonth.plusDays(9).atTime(LocalTime.of(18, 4, 11)).atZone(AMSTERDAM).toInstant();
        String installationId = UUID.randomUUID().toString();
        String username = "zaptec-" + tenant.adminUsername() + "@example.org";
        String password = "Zaptec-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        ZaptecStub zaptec = running.zaptec();
        zaptec.user(username, password);
        // Anna by her e-mail; then her card's UID as Zaptec writes a token
        String email = given().auth().oauth2(tenant.adminToken())
                .get(running.url(Service.USER_SERVICE) + "/api/drivers/{d}", tenant.driverId())
                .then().statusCode(200).extract().path("email");
        zaptec.sessions(installationId, List.of(
                session(first, tenant.chargePointId(), start, start.plusSeconds(7_200), "12.345", "u-1", email, null,
                        "4.100", "7.000", "1.245"),
                session(second, tenant.chargePointId(), start.plusSeconds(86_400), start.plusSeconds(90_000), "7.655",
                        "u-2", "someone@elsewhere.example", "nfc-" + tenant.cardIdTag().toLowerCase(), "7.655")));

        given().auth().oauth2(tenant.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .put(running.url(Service.SESSION_SERVICE) + "/api/operators/{o}/zaptec/installations/{i}",
                        tenant.operatorId(), installationId)
                .then().statusCode(200).body("credentialsSet", equalTo(true));
        given().auth().oauth2(tenant.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("from", lastMonth.atStartOfDay(AMSTERDAM).toInstant().toString(),
                        "to", lastMonth.plusMonths(1).atStartOfDay(AMSTERDAM).toInstant().toString()))
                .post(running.url(Service.SESSION_SERVICE) + "/api/operators/{o}/zaptec/installations/{i}/imports",
                        tenant.operatorId(), installationId)
                .then().statusCode(200).body("created", equalTo(2)).body("completed", equalTo(2));

        UUID firstSession = EventIds.nameBased("zaptec-session", tenant.operatorId(), first);
        UUID secondSession = EventIds.nameBased("zaptec-session", tenant.operatorId(), second);
        JsonPath open = await("both sessions on last month's invoice").atMost(Duration.ofSeconds(60)).until(
                () -> get(Service.INVOICE_SERVICE, "/api/me/invoices", tenant.driverToken()),
                body -> body != null && body.getList("items").size() == 1 && body.getInt("items[0].lineCount") == 2);
        assertThat(open.getString("items[0].periodStart")).isEqualTo(lastMonth.toString());
        String invoiceId = open.getString("items[0].id");

        // last month is billed: 12.345 kWh and 7.655 kWh at 0.35, each line rounded to the cent, VAT 21% on the total
        given().auth().oauth2(tenant.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("periodStart", lastMonth.toString()))
                .post(running.url(Service.INVOICE_SERVICE) + "/api/operators/{o}/billing-runs", tenant.operatorId())
                .then().statusCode(200);
        JsonPath invoice = get(Service.INVOICE_SERVICE, "/api/invoices/" + invoiceId, tenant.adminToken());
        assertThat(invoice.getString("status")).isEqualTo("ISSUED");
        assertThat(invoice.getString("number")).isNotBlank();
        assertThat(decimal(invoice, "netAmount")).isEqualByComparingTo("7.00");
        assertThat(decimal(invoice, "vatAmount")).isEqualByComparingTo("1.47");
        assertThat(decimal(invoice, "grossAmount")).isEqualByComparingTo("8.47");
        given().auth().oauth2(tenant.adminToken()).get(running.url(Service.INVOICE_SERVICE) + "/api/invoices/" + invoiceId)
                .then().statusCode(200)
                .body("lines", hasSize(2))
                .body("lines.sessionId", containsInAnyOrder(firstSession.toString(), secondSession.toString()))
                .body("lines.energyWh", containsInAnyOrder(12_345, 7_655))
                .body("lines.chargePointId", containsInAnyOrder(tenant.chargePointId(), tenant.chargePointId()));

        // importing the month again bills nothing twice
        given().auth().oauth2(tenant.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("from", lastMonth.atStartOfDay(AMSTERDAM).toInstant().toString(),
                        "to", lastMonth.plusMonths(1).atStartOfDay(AMSTERDAM).toInstant().toString()))
                .post(running.url(Service.SESSION_SERVICE) + "/api/operators/{o}/zaptec/installations/{i}/imports",
                        tenant.operatorId(), installationId)
                .then().statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(2));
        assertThat(get(Service.INVOICE_SERVICE, "/api/me/invoices", tenant.driverToken()).getList("items")).hasSize(1);
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
