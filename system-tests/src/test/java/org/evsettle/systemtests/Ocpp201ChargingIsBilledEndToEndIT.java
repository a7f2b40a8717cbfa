package org.evsettle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.evsettle.devstack.platform.Service;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargingStationSimulator;
import org.evsettle.testkit.ChargingStationSimulator.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton of {@link ChargingIsBilledEndToEndIT} with an OCPP 2.0.1 station: it boots,
 * authorizes the driver's card and charges (TransactionEvent Started, Updated, Ended, energy in kWh),
 * and the session is recorded, priced and put on the driver's invoice exactly as a 1.6 one is. While it
 * charges, its display is sent the running cost at the operator's tariff (CostUpdated).
 */
class Ocpp201ChargingIsBilledEndToEndIT {

    private static RunningPlatform running;

    @BeforeAll
    static void platform() {
        running = RunningPlatform.get();
    }

    @Test
    void billsA201ChargingSessionFromStationToInvoiceToTheCent() {
        Tenant tenant = Tenant.create(running, "0.35");
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant stop = start.plus(95, ChronoUnit.MINUTES);
        try (ChargingStationSimulator station = connect(tenant).energyInKwh()) {
            assertThat(station.subprotocol()).isEqualTo("ocpp2.0.1");
            assertThat(station.boot().get("status").asText()).isEqualTo("Accepted");
            assertThat(station.authorize(tenant.cardIdTag().toLowerCase()).get("status").asText()).isEqualTo("Accepted");
            assertThat(station.authorize("DEADBEEF99").get("status").asText()).isEqualTo("Invalid");

            Transaction transaction = station.newTransaction(1, tenant.cardIdTag());
            assertThat(station.started(transaction, 1_234_000, start).at("/idTokenInfo/status").asText())
                    .isEqualTo("Accepted");
            station.updated(transaction, 1_240_500, start.plus(60, ChronoUnit.MINUTES));
            station.ended(transaction, 1_246_340, stop);
        }

        JsonPath sessions = await("session recorded").atMost(Duration.ofSeconds(30)).until(
                () -> get(Service.SESSION_SERVICE, "/api/sessions?chargePointId=" + tenant.chargePointId(),
                        tenant.adminToken()),
                body -> body != null && body.getList("items").size() == 1
                        && "COMPLETED".equals(body.getString("items[0].status")));
        int transactionId = sessions.getInt("items[0].transactionId");
        assertThat(sessions.getString("items[0].sessionId"))
                .isEqualTo(SessionIds.of(tenant.chargePointId(), transactionId).toString());
        assertThat(sessions.getLong("items[0].energyWh")).isEqualTo(12_340L);
        assertThat(sessions.getString("items[0].driverId")).isEqualTo(tenant.driverId().toString());
        assertThat(Instant.parse(sessions.getString("items[0].startedAt"))).isEqualTo(start);
        String sessionId = sessions.getString("items[0].sessionId");

        JsonPath price = await("session priced").atMost(Duration.ofSeconds(30)).until(
                () -> get(Service.TARIFF_SERVICE, "/api/sessions/" + sessionId + "/price", tenant.adminToken()),
                body -> body != null);
        assertThat(decimal(price, "lines[0].quantity")).isEqualByComparingTo("12.340");
        assertThat(decimal(price, "netAmount")).isEqualByComparingTo("4.32");
        assertThat(decimal(price, "grossAmount")).isEqualByComparingTo("5.23");

        JsonPath invoices = await("invoice line added").atMost(Duration.ofSeconds(30)).until(
                () -> get(Service.INVOICE_SERVICE, "/api/me/invoices", tenant.driverToken()),
                body -> body != null && body.getList("items").size() == 1 && body.getInt("items[0].lineCount") == 1);
        assertThat(decimal(invoices, "items[0].grossAmount")).isEqualByComparingTo("5.23");
        given().auth().oauth2(tenant.adminToken())
                .get(running.url(Service.INVOICE_SERVICE) + "/api/invoices/" + invoices.getString("items[0].id"))
                .then().statusCode(200)
                .body("lines[0].sessionId", org.hamcrest.Matchers.equalTo(sessionId))
                .body("lines[0].energyWh", org.hamcrest.Matchers.equalTo(12_340));
    }

    @Test
    void aStationChargingShowsTheRunningCostOfTheSessionAtTheTariff() {
        Tenant tenant = Tenant.create(running, "0.35");
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<JsonNode> costs = new CopyOnWriteArrayList<>();
        try (ChargingStationSimulator station = connect(tenant).energyInKwh()) {
            station.onCall("CostUpdated", payload -> {
                costs.add(payload);
                return Map.of();
            });
            assertThat(station.boot().get("status").asText()).isEqualTo("Accepted");
            Transaction transaction = station.newTransaction(1, tenant.cardIdTag());
            station.started(transaction, 1_234_000, start);
            // 10 kWh so far at 0.35 a kWh: 3.50 net, 0.74 VAT (21 %), 4.24 in all
            station.updated(transaction, 1_244_000, start.plus(40, ChronoUnit.MINUTES));

            JsonNode shown = await("running cost on the display").atMost(Duration.ofSeconds(30))
                    .until(() -> costs.stream().filter(cost -> cost.get("totalCost").decimalValue().signum() > 0)
                            .reduce((earlier, later) -> later).orElse(null), cost -> cost != null);
            assertThat(shown.get("transactionId").asText()).isEqualTo(transaction.id());
            assertThat(shown.get("totalCost").decimalValue()).isEqualByComparingTo("4.24");

            station.ended(transaction, 1_246_340, start.plus(50, ChronoUnit.MINUTES));
        }
        await("session priced once ended").atMost(Duration.ofSeconds(30)).until(
                () -> get(Service.SESSION_SERVICE, "/api/sessions?chargePointId=" + tenant.chargePointId(),
                        tenant.adminToken()),
                body -> body != null && body.getList("items").size() == 1
                        && "COMPLETED".equals(body.getString("items[0].status")));
        assertThat(costs).allSatisfy(cost -> assertThat(cost.get("totalCost").decimalValue())
                .isLessThanOrEqualTo(new BigDecimal("5.23")));
    }

    /** Connects as soon as the gateway has the station from the registry (it arrives asynchronously). */
    private static ChargingStationSimulator connect(Tenant tenant) {
        return await("station accepted by the gateway").atMost(Duration.ofSeconds(30))
                .ignoreException(ChargePointSimulator.HandshakeRefused.class)
                .until(() -> ChargingStationSimulator.connect(running.gateway(), tenant.chargePointId(),
                        tenant.chargerPassword()), station -> true);
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
