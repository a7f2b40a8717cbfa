package org.evsettle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.evsettle.devstack.Ports;
import org.evsettle.devstack.platform.Service;
import org.evsettle.devstack.platform.ServiceProcess;
import org.evsettle.testkit.ChargePointSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas share one database and one Kafka: a command reaches the charger whichever
 * replica the API call lands on, a charger that moves to the other replica keeps one connection,
 * and both replicas answer alike once it is gone.
 */
class GatewayReplicasIT {

    private static RunningPlatform running;
    private static ServiceProcess second;

    @BeforeAll
    static void twoReplicas() {
        running = RunningPlatform.get();
        second = running.platform().startReplica(Service.OCPP_GATEWAY, Ports.free());
    }

    @Test
    void sendsACommandThroughTheReplicaThatDoesNotHoldTheSocket() {
        Tenant tenant = Tenant.create(running, "0.35");
        try (ChargePointSimulator charger = connect(secondReplica(), tenant)) {
            charger.onCall("Reset", payload -> Map.of("status", "Accepted"));
            charger.call("BootNotification", Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go2"));
            awaitConnected(firstReplicaUrl(), tenant, true);

            command(firstReplicaUrl(), tenant, "Reset", Map.of("type", "Soft"))
                    .then().statusCode(200)
                    .body("outcome", equalTo("ANSWERED"))
                    .body("response.status", equalTo("Accepted"));
            command(second.url(), tenant, "Reset", Map.of("type", "Hard"))
                    .then().statusCode(200)
                    .body("outcome", equalTo("ANSWERED"));

            // besides the GetConfiguration of its configuration at boot, the two Resets, in order
            List<JsonNode> resets = charger.callsReceived().stream()
                    .filter(call -> !"GetConfiguration".equals(call.get(2).asText())).toList();
            assertThat(resets).hasSize(2).allSatisfy(call -> assertThat(call.get(2).asText()).isEqualTo("Reset"));
            assertThat(resets.get(0).get(3).get("type").asText()).isEqualTo("Soft");
        }
    }

    @Test
    void keepsOneConnectionWhenAChargerMovesToTheOtherReplica() throws Exception {
        Tenant tenant = Tenant.create(running, "0.35");
        ChargePointSimulator first = connect(running.gateway(), tenant);
        try (ChargePointSimulator moved = connect(secondReplica(), tenant)) {
            assertThat(first.closed().get(60, TimeUnit.SECONDS)).as("the first replica closed the old socket")
                    .isEqualTo(1000);
            assertThat(moved.isOpen()).isTrue();
            moved.onCall("GetLocalListVersion", payload -> Map.of("listVersion", 7));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    command(firstReplicaUrl(), tenant, "GetLocalListVersion", Map.of())
                            .then().statusCode(200).body("outcome", equalTo("ANSWERED"))
                            .body("response.listVersion", equalTo(7)));
        } finally {
            first.close();
        }
    }

    @Test
    void answersNotConnectedOnBothReplicasOnceTheChargerIsGone() {
        Tenant tenant = Tenant.create(running, "0.35");
        connect(secondReplica(), tenant).close();

        awaitConnected(firstReplicaUrl(), tenant, false);
        for (String replica : new String[] {firstReplicaUrl(), second.url()}) {
            command(replica, tenant, "Reset", Map.of("type", "Soft"))
                    .then().statusCode(200).body("outcome", equalTo("NOT_CONNECTED"));
        }
    }

    private static void awaitConnected(String replica, Tenant tenant, boolean connected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(tenant.adminToken())
                        .get(replica + "/api/chargers/{cp}/connection", tenant.chargePointId())
                        .then().statusCode(200).body("connected", equalTo(connected)));
    }

    private static Response command(String replica, Tenant tenant, String action, Object payload) {
        return given().auth().oauth2(tenant.adminToken()).contentType(ContentType.JSON).body(payload)
                .post(replica + "/api/chargers/{cp}/commands/{action}", tenant.chargePointId(), action);
    }

    private static ChargePointSimulator connect(URI gateway, Tenant tenant) {
        AtomicReference<ChargePointSimulator> connected = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).ignoreException(ChargePointSimulator.HandshakeRefused.class)
                .until(() -> {
                    connected.set(ChargePointSimulator.connect(gateway, tenant.chargePointId(), tenant.chargerPassword()));
                    return true;
                });
        return connected.get();
    }

    private static String firstReplicaUrl() {
        return running.url(Service.OCPP_GATEWAY);
    }

    private static URI secondReplica() {
        return URI.create("ws://localhost:" + second.port());
    }
}
