package org.evsettle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.evsettle.devstack.keycloak.KeycloakAccounts.Account;
import org.evsettle.devstack.platform.Service;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.testkit.ChargePointSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal as its people use it, in Debian's Chromium against the whole platform: an operator's
 * admin signs in on Keycloak's login page, registers a driver and a card; the card charges at a
 * simulated charger; the admin finds the session in the list, its curve and the dashboard's chart,
 * downloads the charge report, bills the month and opens the invoice PDF; the driver signs in, sees
 * that session and invoice and reports the card lost, after which the charger refuses it; another
 * operator's admin sees none of it. No page asks anything of a host other than localhost, and axe-core
 * finds no serious accessibility violation on the main pages (both checked in every step).
 */
class PortalInBrowserIT {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static RunningPlatform running;
    private static PortalBrowser browser;

    @BeforeAll
    static void platform() {
        running = RunningPlatform.get();
        browser = new PortalBrowser(running.url(Service.API_GATEWAY));
    }

    @Test
    void anOperatorAndItsDriverGoFromLoginToInvoiceInTheBrowser() {
        Tenant operator = Tenant.create(running, "0.35", 0);
        Tenant other = Tenant.create(running, "0.40");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String driverName = "Bram Jansen " + suffix;
        String driverEmail = "bram." + suffix + "@example.nl";
        String cardIdTag = "04" + HexFormat.of().withUpperCase().formatHex(randomBytes(6));

        browser.run("operatorRegistersDriver", operator.adminUsername(), Tenant.PASSWORD,
                Map.of("driverName", driverName, "driverEmail", driverEmail, "cardIdTag", cardIdTag));
        UUID driverId = driverByEmail(operator, driverEmail);
        UUID cardId = UUID.fromString(gateway(operator.adminToken(),
                "/api/users/operators/" + operator.operatorId() + "/cards?driverId=" + driverId).getString("items[0].id"));

        // a session in last month, which has ended and (with no grace days) can be billed now
        LocalDate periodStart = LocalDate.now(AMSTERDAM).minusMonths(1).withDayOfMonth(1);
        Instant start = periodStart.withDayOfMonth(9).atTime(LocalTime.of(18, 0)).atZone(AMSTERDAM).toInstant();
        int transactionId = charge(operator, cardIdTag, start);
        UUID sessionId = SessionIds.of(operator.chargePointId(), transactionId);
        await("session priced").atMost(Duration.ofSeconds(60)).until(() -> gateway(operator.adminToken(),
                "/api/tariffs/sessions/" + sessionId + "/price") != null);

        JsonNode billed = browser.run("operatorSeesSessionAndBills", operator.adminUsername(), Tenant.PASSWORD,
                Map.of("sessionId", sessionId.toString(), "driverName", driverName,
                        "chargePointId", operator.chargePointId(), "periodStart", periodStart.toString(),
                        "periodEnd", periodStart.plusMonths(1).minusDays(1).toString()));
        String invoiceId = billed.path("invoiceId").asText();
        assertThat(gateway(operator.adminToken(), "/api/invoices/invoices/" + invoiceId).getString("lines[0].sessionId"))
                .isEqualTo(sessionId.toString());

        String driverUsername = "portal-driver-" + suffix;
        String driverAccount = running.accounts().ensure(new Account(driverUsername, Tenant.PASSWORD, "driver",
                operator.operatorId(), driverId, "Bram", "Jansen"));
        // the account's tokens are Bram in every service once the registry's link has reached it
        given().auth().oauth2(operator.adminToken()).contentType("application/json")
                .body(Map.of("accountId", driverAccount))
                .put(running.url(Service.API_GATEWAY) + "/api/users/drivers/{d}/account", driverId)
                .then().statusCode(200);
        String bramsToken = running.accounts().login(driverUsername, Tenant.PASSWORD);
        await("Bram's account linked in every service").atMost(Duration.ofSeconds(30)).until(
                () -> gateway(bramsToken, "/api/sessions/me/sessions") != null
                        && gateway(bramsToken, "/api/invoices/me/invoices") != null);
        browser.run("driverSeesOwnAndReportsCardLost", driverUsername, Tenant.PASSWORD,
                Map.of("sessionId", sessionId.toString(), "invoiceId", invoiceId, "cardId", cardId.toString()));
        await("the lost card refused at the charger").atMost(Duration.ofSeconds(30)).until(
                () -> authorize(operator, cardIdTag), status -> status.equals("Blocked"));

        browser.run("otherOperatorSeesNothing", other.adminUsername(), Tenant.PASSWORD,
                Map.of("sessionId", sessionId.toString(), "driverName", driverName));
    }

    /** Boots, charges 12.34 kWh over 2 h 15 with a meter value every 15 minutes, and stops. */
    private static int charge(Tenant tenant, String cardIdTag, Instant start) {
        try (ChargePointSimulator charger = connect(tenant)) {
            charger.call("BootNotification", Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go2"));
            await("card known at the gateway").atMost(Duration.ofSeconds(30)).until(
                    () -> charger.call("Authorize", Map.of("idTag", cardIdTag)).at("/idTagInfo/status").asText(),
                    status -> status.equals("Accepted"));
            int meterStart = 2_000_000;
            int transactionId = charger.call("StartTransaction", Map.of("connectorId", 1, "idTag", cardIdTag,
                    "meterStart", meterStart, "timestamp", start.toString())).get("transactionId").asInt();
            for (int quarter = 1; quarter <= 8; quarter++) {
                charger.call("MeterValues", Map.of("connectorId", 1, "transactionId", transactionId, "meterValue",
                        List.of(Map.of("timestamp", start.plus(15L * quarter, ChronoUnit.MINUTES).toString(),
                                "sampledValue", List.of(Map.of("value", String.valueOf(meterStart + 1_500 * quarter),
                                        "measurand", "Energy.Active.Import.Register", "unit", "Wh"))))));
            }
            charger.call("StopTransaction", Map.of("transactionId", transactionId, "meterStop", meterStart + 12_340,
                    "timestamp", start.plus(135, ChronoUnit.MINUTES).toString(), "idTag", cardIdTag));
            return transactionId;
        }
    }

    private static String authorize(Tenant tenant, String idTag) {
        try (ChargePointSimulator charger = connect(tenant)) {
            return charger.call("Authorize", Map.of("idTag", idTag)).at("/idTagInfo/status").asText();
        }
    }

    private static ChargePointSimulator connect(Tenant tenant) {
        return await("charger accepted by the gateway").atMost(Duration.ofSeconds(30))
                .ignoreException(ChargePointSimulator.HandshakeRefused.class)
                .until(() -> ChargePointSimulator.connect(running.gateway(), tenant.chargePointId(),
                        tenant.chargerPassword()), charger -> true);
    }

    private static UUID driverByEmail(Tenant tenant, String email) {
        JsonPath drivers = gateway(tenant.adminToken(), "/api/users/operators/" + tenant.operatorId() + "/drivers?limit=500");
        return UUID.fromString(drivers.getString("items.find { it.email == '" + email + "' }.id"));
    }

    /** A GET through the api-gateway with a bearer token, as an API client makes it; null unless 200. */
    private static JsonPath gateway(String token, String path) {
        var response = given().auth().oauth2(token).get(running.url(Service.API_GATEWAY) + path);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
