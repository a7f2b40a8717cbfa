package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.evsettle.events.Topics;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.gateway.messaging.CommandRelay;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * This replica among others, with the other replica played by rows in the shared database: a
 * charger claimed by a newer connection elsewhere is closed here, and a command for a charger held
 * elsewhere is forwarded on ocpp.commands instead of being answered NOT_CONNECTED.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReplicaPresenceTest {

    @TestHTTPResource("/")
    URI http;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CommandRelay relay;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void closesTheSocketOfAChargerThatConnectedToAnotherReplica() throws Exception {
        GatewayFixtures.Site site = fixtures.aSite();
        try (ChargePointSimulator charger = GatewayFixtures.connect(GatewayFixtures.websocket(http), site)) {
            awaitConnected(site, true);

            String other = otherReplica();
            claim(site.chargePointId(), other, Instant.now().plusSeconds(1));

            assertThat(charger.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void forwardsACommandForAChargerHeldByAnotherLiveReplica() throws Exception {
        assertThat(relay.awaitAssigned(Duration.ofSeconds(60))).isTrue();
        GatewayFixtures.Site site = fixtures.aSite();
        claim(site.chargePointId(), otherReplica(), Instant.now());

        String commandId = given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .queryParam("timeoutSeconds", 2)
                .body(Map.of("type", "Soft"))
                .post("/api/chargers/{cp}/commands/Reset", site.chargePointId())
                .then().statusCode(200)
                .body("outcome", equalTo("TIMED_OUT"))
                .extract().path("commandId");

        List<ChargerCommandRequested> forwarded = await().atMost(Duration.ofSeconds(30)).until(() ->
                fixtures.topics.readAll(Topics.OCPP_COMMANDS, ChargerCommandRequested.class,
                        c -> c.commandId().toString().equals(commandId), Duration.ofSeconds(1)), list -> !list.isEmpty());
        assertThat(forwarded).singleElement().satisfies(command -> {
            assertThat(command.chargePointId()).isEqualTo(site.chargePointId());
            assertThat(command.action()).isEqualTo("Reset");
            assertThat(command.payload().get("type").asText()).isEqualTo("Soft");
            assertThat(command.timeoutSeconds()).isEqualTo(2);
        });
    }

    /** A replica that is alive (its heartbeat is fresh) but is not this one. */
    private String otherReplica() throws SQLException {
        String id = "other-" + UUID.randomUUID();
        execute("INSERT INTO gateway_replica (replica_id, started_at, heartbeat_at) VALUES (?, now(), now() + interval '1 hour')",
                id);
        return id;
    }

    private void claim(String chargePointId, String replicaId, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO charger_presence (charge_point_id, replica_id, connection_id, connected_at, last_seen)
                     VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (charge_point_id) DO UPDATE SET replica_id = excluded.replica_id,
                         connection_id = excluded.connection_id, connected_at = excluded.connected_at,
                         disconnected_at = NULL""")) {
            upsert.setString(1, chargePointId);
            upsert.setString(2, replicaId);
            upsert.setString(3, UUID.randomUUID().toString());
            upsert.setTimestamp(4, Timestamp.from(at));
            upsert.setTimestamp(5, Timestamp.from(at));
            upsert.executeUpdate();
        }
    }

    private void execute(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeUpdate();
        }
    }

    private static void awaitConnected(GatewayFixtures.Site site, boolean connected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.platformAdmin())
                .get("/api/chargers/{cp}/connection", site.chargePointId())
                .then().statusCode(200).body("connected", equalTo(connected)));
    }
}
