package org.evsettle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.devstack.platform.Service;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.testkit.ChargePointSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton over the real platform: a charger connects over OCPP, charges with a
 * registered card, and the session is recorded, priced and put on the driver's open invoice; each
 * step is read back over the owning service's API with real Keycloak tokens.
 */
class ChargingIsBilledEndToEndIT {

    private static RunningPlatform running;

    @BeforeAll
    static void platform() {
        running = RunningPlatform.get();
    }

    @Test
    void billsAChargingSessionFromChargerToInvoiceToTheCent() {
        Tenant tenant = Tenant.create(running, "0.35");
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant stop = start.plus(95, ChronoUnit.MINUTES);
        int transactionId;
        try (ChargePointSimulator charger = connect(tenant)) {
            assertThat(charger.subprotocol()).isEqualTo("ocpp1.6");
            assertThat(charger.call("BootNotification", Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go2"))
                    .get("status").asText()).isEqualTo("Accepted");
            assertThat(charger.call("Authorize", Map.of("idTag", tenant.cardIdTag().toLowerCase()))
                    .at("/idTagInfo/status").asText()).isEqualTo("Accepted");
            assertThat(charger.call("Authorize", Map.of("idTag", "DEADBEEF99"))
                    .at("/idTagInfo/status").asText()).isEqualTo("Invalid");

            JsonNode started = charger.call("StartTransaction", Map.of("connectorId", 1, "idTag", tenant.cardIdTag(),
                    "meterStart", 1_234_000, "timestamp", start.toString()));
            assertThat(started.at("/idTagInfo/status").asText()).isEqualTo("Accepted");
            transactionId = started.get("transactionId").asInt();
            assertThat(transactionId).isPositive();

            charger.call("MeterValues", Map.of("connectorId", 1, "transactionId", transactionId, "meterValue",
                    List.of(Map.of("timestamp", start.plus(60, ChronoUnit.MINUTES).toString(), "sampledValue",
                            List.of(Map.of("value", "1240.5", "measurand", "Energy.Active.Import.Register",
                                    "unit", "kWh"))))));
            charger.call("StopTransaction", Map.of("transactionId", transactionId, "meterStop", 1_246_340,
                    "timestamp", stop.toString(), "idTag", tenant.cardIdTag(), "reason", "EVDisconnected"));
        }
        UUID sessionId = SessionIds.of(tenant.chargePointId(), transactionId);

        JsonPath session = await("session recorded").atMost(Duration.ofSeconds(30)).until(
                () -> get(Service.SESSION_SERVICE, "/api/sessions/" + sessionId, tenant.adminToken()),
                body -> body != null && "COMPLETED".equals(body.getString("status")));
        assertThat(session.getLong("energyWh")).isEqualTo(12_340L);
        assertThat(session.getString("driverId")).isEqualTo(tenant.driverId().toString());
        assertThat(Instant.parse(session.getString("startedAt"))).isEqualTo(start);

        JsonPath price = await("session priced").atMost(Duration.ofSeconds(30)).until(
                () -> get(Service.TARIFF_SERVICE, "/api/sessions/" + sessionId + "/price", tenant.adminToken()),
                body -> body != null);
        assertThat(price.getString("lines[0].component")).isEqualTo("ENERGY");
        assertThat(decimal(price, "lines[0].quantity")).isEqualByComparingTo("12.340");
        assertThat(decimal(price, "netAmount")).isEqualByComparingTo("4.32");
        assertThat(decimal(price, "vatAmount")).isEqualByComparingTo("0.91");
        assertThat(decimal(price, "grossAmount")).isEqualByComparingTo("5.23");

        JsonPath invoices = await("invoice line added").atMost(Duration.ofSeconds(30)).until(
                () -> get(Service.INVOICE_SERVICE, "/api/me/invoices", tenant.driverToken()),
                body -> body != null && body.getList("items").size() == 1 && body.getInt("items[0].lineCount") == 1);
        LocalDate localStart = LocalDate.ofInstant(start, ZoneId.of("Europe/Amsterdam"));
        assertThat(invoices.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(invoices.getString("items[0].periodStart")).isEqualTo(localStart.withDayOfMonth(1).toString());
        assertThat(invoices.getString("items[0].periodEnd"))
                .isEqualTo(localStart.with(TemporalAdjusters.lastDayOfMonth()).toString());
        assertThat(decimal(invoices, "items[0].netAmount")).isEqualByComparingTo("4.32");
        assertThat(decimal(invoices, "items[0].vatAmount")).isEqualByComparingTo("0.91");
        assertThat(decimal(invoices, "items[0].grossAmount")).isEqualByComparingTo("5.23");

        String invoiceId = invoices.getString("items[0].id");
        given().auth().oauth2(tenant.adminToken()).get(running.url(Service.INVOICE_SERVICE) + "/api/invoices/" + invoiceId)
                .then().statusCode(200)
                .body("lines", hasSize(1))
                .body("lines[0].sessionId", equalTo(sessionId.toString()))
                .body("lines[0].energyWh", equalTo(12_340));
    }

    @Test
    void refusesAChargerWithAWrongPasswordAtTheHandshake() {
        Tenant tenant = Tenant.create(running, "0.35");
        connect(tenant).close();
        assertThatThrownBy(() -> ChargePointSimulator.connect(running.gateway(), tenant.chargePointId(),
                "wrong-password-0000000"))
                .isInstanceOfSatisfying(ChargePointSimulator.HandshakeRefused.class,
                        refused -> assertThat(refused.status()).isEqualTo(401));
        assertThatThrownBy(() -> ChargePointSimulator.connect(running.gateway(), tenant.chargePointId(), null))
                .isInstanceOf(ChargePointSimulator.HandshakeRefused.class);
    }

    @Test
    void keepsEveryOperatorsDataFromTheOthers() {
        Tenant mine = Tenant.create(running, "0.30");
        Tenant other = Tenant.create(running, "0.40");
        int transactionId;
        try (ChargePointSimulator charger = connect(mine)) {
            transactionId = charger.call("StartTransaction", Map.of("connectorId", 2, "idTag", mine.cardIdTag(),
                    "meterStart", 500, "timestamp", Instant.now().minusSeconds(600).toString()))
                    .get("transactionId").asInt();
            charger.call("StopTransaction", Map.of("transactionId", transactionId, "meterStop", 1500,
                    "timestamp", Instant.now().minusSeconds(60).toString()));
        }
        String session = "/api/sessions/" + SessionIds.of(mine.chargePointId(), transactionId);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(Service.SESSION_SERVICE, session, mine.adminToken()) != null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(Service.INVOICE_SERVICE, "/api/me/invoices", mine.driverToken()),
                        body -> body != null && !body.getList("items").isEmpty());

        given().auth().oauth2(other.adminToken()).get(running.url(Service.SESSION_SERVICE) + session)
                .then().statusCode(404);
        given().auth().oauth2(other.driverToken()).get(running.url(Service.SESSION_SERVICE) + session)
                .then().statusCode(404);
        given().auth().oauth2(other.adminToken())
                .get(running.url(Service.USER_SERVICE) + "/api/operators/{o}", mine.operatorId())
                .then().statusCode(404);
        given().auth().oauth2(other.adminToken())
                .get(running.url(Service.OCPP_GATEWAY) + "/api/chargers/{cp}/connection", mine.chargePointId())
                .then().statusCode(404);
        given().get(running.url(Service.INVOICE_SERVICE) + "/api/invoices").then().statusCode(401);
        given().auth().oauth2(other.adminToken()).get(running.url(Service.INVOICE_SERVICE) + "/api/invoices")
                .then().statusCode(200)
                .body("items.findAll { it.operatorId == '" + mine.operatorId() + "' }", hasSize(0));
        given().auth().oauth2(other.driverToken()).get(running.url(Service.INVOICE_SERVICE) + "/api/me/invoices")
                .then().statusCode(200).body("items", hasSize(0));
    }

    /** Connects as soon as the gateway has the charger from the registry (it arrives asynchronously). */
    private static ChargePointSimulator connect(Tenant tenant) {
        return await("charger accepted by the gateway").atMost(Duration.ofSeconds(30))
                .ignoreException(ChargePointSimulator.HandshakeRefused.class)
                .until(() -> ChargePointSimulator.connect(running.gateway(), tenant.chargePointId(),
                        tenant.chargerPassword()), charger -> true);
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
