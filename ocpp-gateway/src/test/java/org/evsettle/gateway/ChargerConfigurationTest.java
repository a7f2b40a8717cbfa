package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.testkit.ChargerConfiguration.AUTHORIZE_REMOTE_TX_REQUESTS;
import static org.evsettle.testkit.ChargerConfiguration.HEARTBEAT_INTERVAL;
import static org.evsettle.testkit.ChargerConfiguration.LOCAL_PRE_AUTHORIZE;
import static org.evsettle.testkit.ChargerConfiguration.METER_VALUES_SAMPLED_DATA;
import static org.evsettle.testkit.ChargerConfiguration.METER_VALUE_SAMPLE_INTERVAL;
import static org.evsettle.testkit.ChargerConfiguration.STOP_TXN_SAMPLED_DATA;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargerConfiguration;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Chargers configured for billing at boot: real chargers over WebSocket (the simulator with the factory
 * configuration of each profile's charger), the outcome per key in the connection view.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerConfigurationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> SIX_KEYS = List.of(AUTHORIZE_REMOTE_TX_REQUESTS, HEARTBEAT_INTERVAL,
            LOCAL_PRE_AUTHORIZE, METER_VALUE_SAMPLE_INTERVAL, METER_VALUES_SAMPLED_DATA, STOP_TXN_SAMPLED_DATA);

    @TestHTTPResource("/")
    URI http;

    @Inject
    RegistryProjection registry;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void setsTheIntervalAndHeartbeatOfAZaptecNativeChargerWithFactoryDefaultsAndNothingAtTheNextBoot() {
        GatewayFixtures.Site site = fixtures.aSite();
        ChargerConfiguration keys = ChargerConfiguration.zaptecNative();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site).withConfiguration(keys)) {
            charger.call("BootNotification", GatewayFixtures.boot());

            Map<String, Map<String, Object>> first = awaitConfiguration(site, TestTokens.operatorAdmin(site.operatorId()),
                    null);
            assertThat(keys.value(METER_VALUE_SAMPLE_INTERVAL)).contains("60");
            assertThat(keys.value(HEARTBEAT_INTERVAL)).contains("300");
            assertThat(keys.value(METER_VALUES_SAMPLED_DATA)).contains("Energy.Active.Import.Register,Power.Active.Import");
            assertThat(keys.value(STOP_TXN_SAMPLED_DATA)).contains("Energy.Active.Import.Register,Power.Active.Import");
            assertThat(keys.changesReceived()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(
                    METER_VALUE_SAMPLE_INTERVAL, METER_VALUES_SAMPLED_DATA, STOP_TXN_SAMPLED_DATA, HEARTBEAT_INTERVAL);
            assertThat(first.get(METER_VALUE_SAMPLE_INTERVAL)).containsEntry("result", "ACCEPTED")
                    .containsEntry("wantedValue", "60").containsEntry("reportedValue", "0")
                    .containsEntry("profile", "zaptec-go2-native");
            assertThat(first.get(HEARTBEAT_INTERVAL)).containsEntry("result", "ACCEPTED")
                    .containsEntry("wantedValue", "300").containsEntry("reportedValue", "86400");
            // the default authorization policy: every card checked online, no Authorize before a remote start
            assertThat(first.get(AUTHORIZE_REMOTE_TX_REQUESTS)).containsEntry("result", "UNCHANGED")
                    .containsEntry("wantedValue", "false");
            assertThat(first.get(LOCAL_PRE_AUTHORIZE)).containsEntry("result", "UNCHANGED");
            assertThat(first.get(METER_VALUE_SAMPLE_INTERVAL).get("sentAt")).isNotNull();
            assertThat(first.get(LOCAL_PRE_AUTHORIZE).get("sentAt")).isNull();

            charger.call("BootNotification", GatewayFixtures.boot());
            Map<String, Map<String, Object>> second = awaitConfiguration(site, TestTokens.platformAdmin(),
                    first.get(METER_VALUE_SAMPLE_INTERVAL).get("checkedAt"));
            assertThat(second.values()).allSatisfy(key -> assertThat(key).containsEntry("result", "UNCHANGED"));
            assertThat(second.get(METER_VALUE_SAMPLE_INTERVAL)).containsEntry("reportedValue", "60");
            assertThat(keys.changesReceived()).hasSize(4);
            assertThat(charger.callsReceived()).extracting(call -> call.get(2).asText())
                    .containsOnly("GetConfiguration", "ChangeConfiguration")
                    .filteredOn("GetConfiguration"::equals).hasSize(2);
        }
    }

    @Test
    void remembersARejectedAndANotSupportedKeyAndDoesNotSendThemAgainAtTheNextBoot() {
        GatewayFixtures.Site site = fixtures.aSite();
        ChargerConfiguration keys = ChargerConfiguration.zaptecNative().rejects(HEARTBEAT_INTERVAL)
                .cannotChange(STOP_TXN_SAMPLED_DATA);
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site).withConfiguration(keys)) {
            charger.call("BootNotification", GatewayFixtures.boot());
            Map<String, Map<String, Object>> first = awaitConfiguration(site, TestTokens.platformAdmin(), null);
            assertThat(first.get(HEARTBEAT_INTERVAL)).containsEntry("result", "REJECTED")
                    .containsEntry("reportedValue", "86400");
            assertThat(first.get(STOP_TXN_SAMPLED_DATA)).containsEntry("result", "NOT_SUPPORTED");
            assertThat(first.get(METER_VALUE_SAMPLE_INTERVAL)).containsEntry("result", "ACCEPTED");

            charger.call("BootNotification", GatewayFixtures.boot());
            Map<String, Map<String, Object>> second = awaitConfiguration(site, TestTokens.platformAdmin(),
                    first.get(HEARTBEAT_INTERVAL).get("checkedAt"));
            assertThat(second.get(HEARTBEAT_INTERVAL)).containsEntry("result", "REJECTED")
                    .containsEntry("sentAt", first.get(HEARTBEAT_INTERVAL).get("sentAt"));
            assertThat((String) second.get(HEARTBEAT_INTERVAL).get("detail")).contains("not sent again");
            assertThat(second.get(STOP_TXN_SAMPLED_DATA)).containsEntry("result", "NOT_SUPPORTED")
                    .containsEntry("sentAt", first.get(STOP_TXN_SAMPLED_DATA).get("sentAt"));
            assertThat(keys.changesReceived(HEARTBEAT_INTERVAL)).hasSize(1);
            assertThat(keys.changesReceived(STOP_TXN_SAMPLED_DATA)).hasSize(1);
        }
    }

    @Test
    void sendsARejectedKeyAgainOnceTheOperatorWantsAnotherValue() {
        GatewayFixtures.Site site = fixtures.aSite();
        ChargerConfiguration keys = ChargerConfiguration.zaptecNative().rejects(METER_VALUE_SAMPLE_INTERVAL);
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site).withConfiguration(keys)) {
            charger.call("BootNotification", GatewayFixtures.boot());
            Map<String, Map<String, Object>> first = awaitConfiguration(site, TestTokens.platformAdmin(), null);
            assertThat(first.get(METER_VALUE_SAMPLE_INTERVAL)).containsEntry("result", "REJECTED");

            settings(site, new ChargerSettings(30, false, false));
            charger.call("BootNotification", GatewayFixtures.boot());
            Map<String, Map<String, Object>> second = awaitConfiguration(site, TestTokens.platformAdmin(),
                    first.get(METER_VALUE_SAMPLE_INTERVAL).get("checkedAt"));
            assertThat(second.get(METER_VALUE_SAMPLE_INTERVAL)).containsEntry("result", "REJECTED")
                    .containsEntry("wantedValue", "30");
            assertThat(keys.changesReceived(METER_VALUE_SAMPLE_INTERVAL)).containsExactly("60", "30");
        }
    }

    @Test
    void reportsRebootRequiredAndNeverSendsAReset() {
        GatewayFixtures.Site site = fixtures.aSite();
        ChargerConfiguration keys = ChargerConfiguration.zaptecNative().requiresRebootFor(METER_VALUE_SAMPLE_INTERVAL);
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site).withConfiguration(keys)) {
            charger.onCall("Reset", payload -> Map.of("status", "Accepted"));
            charger.call("BootNotification", GatewayFixtures.boot());

            Map<String, Map<String, Object>> outcome = awaitConfiguration(site, TestTokens.platformAdmin(), null);
            assertThat(outcome.get(METER_VALUE_SAMPLE_INTERVAL)).containsEntry("result", "REBOOT_REQUIRED")
                    .containsEntry("reportedValue", "0");
            assertThat((String) outcome.get(METER_VALUE_SAMPLE_INTERVAL).get("detail")).contains("no Reset");
            assertThat(charger.callsReceived()).noneMatch(call -> "Reset".equals(call.get(2).asText()));
        }
    }

    @Test
    void configuresAnotherBrandByTheGenericProfileWithTheOperatorsIntervalAndPolicy() {
        GatewayFixtures.Site site = fixtures.aSite();
        settings(site, new ChargerSettings(120, true, true));
        ChargerConfiguration keys = ChargerConfiguration.generic();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site).withConfiguration(keys)) {
            charger.call("BootNotification", Map.of("chargePointVendor", "Alfen BV", "chargePointModel", "NG910",
                    "firmwareVersion", "6.4.0"));

            Map<String, Map<String, Object>> outcome = awaitConfiguration(site, TestTokens.platformAdmin(), null);
            assertThat(outcome.values()).allSatisfy(key -> assertThat(key).containsEntry("profile", "generic"));
            assertThat(outcome.get(METER_VALUE_SAMPLE_INTERVAL)).containsEntry("result", "ACCEPTED")
                    .containsEntry("wantedValue", "120").containsEntry("reportedValue", "900");
            assertThat(outcome.get(LOCAL_PRE_AUTHORIZE)).containsEntry("result", "ACCEPTED")
                    .containsEntry("wantedValue", "true");
            assertThat(outcome.get(AUTHORIZE_REMOTE_TX_REQUESTS)).containsEntry("result", "UNCHANGED");
            assertThat(outcome.get(METER_VALUES_SAMPLED_DATA)).containsEntry("result", "UNCHANGED")
                    .containsEntry("wantedValue", "Energy.Active.Import.Register");
            assertThat(keys.changesReceived()).extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrder(METER_VALUE_SAMPLE_INTERVAL, LOCAL_PRE_AUTHORIZE);
            assertThat(keys.meterValueSampleInterval()).isEqualTo(120);
        }
    }

    @Test
    void setsOnlyTheHeartbeatOfAZaptecChargerOnCloudFirmware() {
        GatewayFixtures.Site site = fixtures.aSite();
        ChargerConfiguration keys = ChargerConfiguration.zaptecCloud();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site).withConfiguration(keys)) {
            // below the native minimum (Go2 3.2.1.0), a Zaptec charger can only speak OCPP through Zaptec Cloud
            charger.call("BootNotification", Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go2",
                    "firmwareVersion", "2.1.0.7"));

            Map<String, Map<String, Object>> outcome = awaitConfiguration(site, TestTokens.platformAdmin(), null);
            assertThat(outcome).containsOnlyKeys(HEARTBEAT_INTERVAL, METER_VALUES_SAMPLED_DATA);
            assertThat(outcome.get(HEARTBEAT_INTERVAL)).containsEntry("profile", "zaptec-cloud")
                    .containsEntry("result", "ACCEPTED");
            assertThat(outcome.get(METER_VALUES_SAMPLED_DATA)).containsEntry("result", "UNCHANGED");
            assertThat(keys.changesReceived()).extracting(Map.Entry::getKey).containsExactly(HEARTBEAT_INTERVAL);
        }
    }

    @Test
    void reportsNoAnswerWhenTheChargerCannotTellItsConfiguration() {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            // without a configuration the simulator answers GetConfiguration with a CALLERROR NotImplemented
            charger.call("BootNotification", GatewayFixtures.boot());

            Map<String, Map<String, Object>> outcome = awaitConfiguration(site, TestTokens.platformAdmin(), null);
            assertThat(outcome.values()).allSatisfy(key -> {
                assertThat(key).containsEntry("result", "NO_ANSWER");
                assertThat((String) key.get("detail")).isEqualTo("GetConfiguration: answered CALLERROR NotImplemented");
            });
            assertThat(charger.callsReceived()).extracting(call -> call.get(2).asText()).containsExactly("GetConfiguration");
        }
    }

    @Test
    void showsTheOutcomeOnlyToTheChargersOperator() {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)
                .withConfiguration(ChargerConfiguration.zaptecNative())) {
            charger.call("BootNotification", GatewayFixtures.boot());
            awaitConfiguration(site, TestTokens.operatorAdmin(site.operatorId()), null);

            given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID()))
                    .get("/api/chargers/{cp}/connection", site.chargePointId())
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(TestTokens.operatorAdmin(site.operatorId()))
                    .queryParam("chargePointId", site.chargePointId())
                    .get("/api/chargers/connections")
                    .then().statusCode(200);
            List<Map<String, Object>> listed = given().auth().oauth2(TestTokens.operatorAdmin(site.operatorId()))
                    .queryParam("chargePointId", site.chargePointId()).get("/api/chargers/connections")
                    .jsonPath().getList("[0].configuration");
            assertThat(listed).hasSize(SIX_KEYS.size());
        }
    }

    @Test
    void givesAChargerOnTheEnrollmentKeyItsPasswordFirstAndItsProfileAtTheBootWithThatPassword() throws Exception {
        UUID operatorId = UUID.randomUUID();
        String key = RegistryRecords.anEnrollmentKey();
        fixtures.topics.publish("user-service", RegistryRecords.anOperatorEnrolling(operatorId, key));
        String chargePointId = "KEY-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.topics.publish("user-service", new ChargerRecord(UUID.randomUUID(), 1, operatorId, UUID.randomUUID(),
                chargePointId, 1, null, null, null, OcppPasswordHash.hashGenerated(key), "ACTIVE", "ENROLLMENT_KEY"));
        ChargerConfiguration keys = ChargerConfiguration.zaptecNative();

        try (ChargePointSimulator charger = GatewayFixtures.connectOnceAdmitted(gateway(), chargePointId, key)
                .withConfiguration(keys)) {
            assertThat(charger.call("BootNotification", GatewayFixtures.boot()).get("status").asText())
                    .isEqualTo("Accepted");
            charger.reconnected().get(30, TimeUnit.SECONDS);
            assertThat(charger.callsReceived()).extracting(call -> call.get(2).asText()).containsExactly("ChangeConfiguration");
            assertThat(charger.call("BootNotification", GatewayFixtures.boot()).get("status").asText())
                    .isEqualTo("Accepted");

            Map<String, Map<String, Object>> outcome = awaitConfiguration(
                    new GatewayFixtures.Site(operatorId, registry.charger(chargePointId).orElseThrow()),
                    TestTokens.operatorAdmin(operatorId), null);
            assertThat(outcome.get(METER_VALUE_SAMPLE_INTERVAL)).containsEntry("result", "ACCEPTED");
            assertThat(charger.callsReceived()).extracting(call -> call.get(2).asText() + " "
                            + call.get(3).path("key").asText(""))
                    .startsWith("ChangeConfiguration AuthorizationKey", "GetConfiguration ");
            assertThat(keys.changesReceived()).extracting(Map.Entry::getKey).doesNotContain("AuthorizationKey");
        }
    }

    /** Publishes the site's operator with these charger settings and waits until the gateway has them. */
    private void settings(GatewayFixtures.Site site, ChargerSettings settings) {
        OperatorRecord current = registry.operator(site.operatorId()).orElseGet(() -> GatewayFixtures.operatorOf(site));
        fixtures.topics.publish("user-service", RegistryRecords.withChargerSettings(current, settings));
        await().atMost(PATIENCE).until(() -> registry.operator(site.operatorId())
                .map(OperatorRecord::chargerSettings).filter(settings::equals).isPresent());
    }

    /**
     * The charger's configuration keys from its connection view, by key, once they were checked after the
     * given time (or at all, when it is null).
     */
    private Map<String, Map<String, Object>> awaitConfiguration(GatewayFixtures.Site site, String token, Object after) {
        Instant since = after == null ? Instant.EPOCH : Instant.parse(after.toString());
        return await().atMost(PATIENCE).until(() -> {
            JsonPath view = given().auth().oauth2(token).get("/api/chargers/{cp}/connection", site.chargePointId())
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> configuration = view.getList("configuration");
            return configuration.stream().collect(Collectors.toMap(key -> (String) key.get("key"), key -> key));
        }, keys -> !keys.isEmpty() && keys.values().stream()
                .allMatch(key -> Instant.parse((String) key.get("checkedAt")).isAfter(since)));
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
