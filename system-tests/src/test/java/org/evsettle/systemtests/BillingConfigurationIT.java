package org.evsettle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.devstack.platform.Service;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargerConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Zaptec native charger with factory defaults (no meter values at all) connects to the whole platform
 * and, without anyone touching it, is configured at boot to sample every 60 s (the operator's default):
 * its periodic meter values reach the session.
 */
class BillingConfigurationIT {

    private static final long METER_START = 1_234_000;

    private static RunningPlatform running;

    @BeforeAll
    static void platform() {
        running = RunningPlatform.get();
    }

    @Test
    void aZaptecNativeChargerThatStartsWithInterval0EndsUpSendingMeterValuesThatReachTheSession() {
        Tenant tenant = Tenant.create(running, "0.35");
        ChargerConfiguration keys = ChargerConfiguration.zaptecNative();
        assertThat(keys.meterValueSampleInterval()).isZero();
        try (ChargePointSimulator charger = connect(tenant).withConfiguration(keys)) {
            assertThat(charger.call("BootNotification", Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go2",
                    "firmwareVersion", "3.2.1.0")).get("status").asText()).isEqualTo("Accepted");

            await("configured for billing").atMost(Duration.ofSeconds(30))
                    .until(() -> keys.meterValueSampleInterval() == 60);
            JsonPath connection = await("the outcome in the connection view").atMost(Duration.ofSeconds(30)).until(
                    () -> get(Service.OCPP_GATEWAY, "/api/chargers/" + tenant.chargePointId() + "/connection",
                            tenant.adminToken()),
                    view -> view != null && !view.getList("configuration").isEmpty());
            assertThat(connection.getString("configuration.find { it.key == 'MeterValueSampleInterval' }.result"))
                    .isEqualTo("ACCEPTED");

            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            JsonNode started = charger.call("StartTransaction", Map.of("connectorId", 1, "idTag", tenant.cardIdTag(),
                    "meterStart", METER_START, "timestamp", start.toString()));
            assertThat(started.at("/idTagInfo/status").asText()).isEqualTo("Accepted");
            UUID sessionId = SessionIds.of(tenant.chargePointId(), started.get("transactionId").asInt());

            // the first periodic sample comes one interval (60 s) after the start
            JsonPath curve = await("a periodic meter value in the session").atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> get(Service.SESSION_SERVICE, "/api/sessions/" + sessionId + "/meter-values",
                            tenant.adminToken()), body -> body != null && body.getList("samples").stream()
                            .anyMatch(sample -> ((Number) ((Map<?, ?>) sample).get("registerWh")).longValue() > METER_START));
            List<Map<String, Object>> samples = curve.getList("samples");
            Map<String, Object> periodic = samples.stream()
                    .filter(sample -> ((Number) sample.get("registerWh")).longValue() > METER_START).findFirst().orElseThrow();
            assertThat(Instant.parse((String) periodic.get("at"))).isAfterOrEqualTo(start.plusSeconds(59));
            assertThat(((Number) periodic.get("energyWh")).longValue()).isPositive();
        }
    }

    private static ChargePointSimulator connect(Tenant tenant) {
        return await("charger accepted by the gateway").atMost(Duration.ofSeconds(30))
                .ignoreException(ChargePointSimulator.HandshakeRefused.class)
                .until(() -> ChargePointSimulator.connect(running.gateway(), tenant.chargePointId(),
                        tenant.chargerPassword()), charger -> true);
    }

    private static JsonPath get(Service service, String path, String token) {
        var response = given().auth().oauth2(token).get(running.url(service) + path);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }
}
