package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.devstack.DevStack;
import org.evsettle.devstack.Ports;
import org.evsettle.devstack.kafka.KafkaBroker;
import org.evsettle.devstack.platform.Platform;
import org.evsettle.devstack.platform.Service;
import org.evsettle.devstack.platform.ServiceProcess;
import org.evsettle.devstack.postgres.PostgresServer;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.ProjectRoot;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No dual write, proven on the packaged service in its own JVM: a change committed while Kafka is
 * down survives a crash (kill -9) of the service before it could be published, and reaches its
 * registry topic exactly once when Kafka and the service are back.
 */
class RegistryOutboxCrashIT {

    private static DevStack stack;
    private static ServiceProcess service;

    @BeforeAll
    static void startService() {
        stack = InfrastructureResource.stack();
        Map<String, String> properties = new HashMap<>(Platform.configuration(stack, Service.USER_SERVICE));
        // the same token verification as the @QuarkusTest classes: TestTokens' key, no Keycloak
        properties.putAll(new InfrastructureResource().start());
        Path log = Path.of("target", "it-logs", "user-service.log").toAbsolutePath();
        service = new ServiceProcess(Service.USER_SERVICE, ProjectRoot.find(), Ports.free(), properties, log);
        service.start();
        service.awaitReady();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void publishesAChangeCommittedBeforeACrashExactlyOnce() throws SQLException {
        KafkaBroker kafka = stack.kafka();
        UUID operatorId;
        kafka.stop();
        try {
            operatorId = UUID.fromString(given().baseUri(service.url()).auth().oauth2(TestTokens.platformAdmin())
                    .contentType(ContentType.JSON).body(RegistryFixtures.anOperator(o -> { }))
                    .post("/api/operators").then().statusCode(201).extract().path("id"));
            // committed: the operator and its event are in the database, the event not yet on Kafka
            assertThat(pendingEvents(operatorId)).isEqualTo(1);
            service.kill();
        } finally {
            kafka.start();
        }
        service.start();
        service.awaitReady();

        try (PublishedRegistry registry = new PublishedRegistry(kafka.bootstrapServers())) {
            registry.awaitLatest(OperatorRecord.class, operatorId);
            await().atMost(Duration.ofSeconds(60)).until(() -> pendingEvents(operatorId) == 0);
            List<OperatorRecord> published = registry.of(OperatorRecord.class, operatorId);
            assertThat(published).hasSize(1);
            assertThat(published.get(0).legalName()).isEqualTo("Woonstichting De Linde");
        }
        given().baseUri(service.url()).auth().oauth2(TestTokens.platformAdmin()).get("/api/operators/{o}", operatorId)
                .then().statusCode(200);
    }

    /** Events about the entity still waiting in the service's outbox. */
    private static int pendingEvents(UUID entityId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl("users"), PostgresServer.USER,
                "postgres");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM outbox_event WHERE message_key = ?")) {
            query.setString(1, entityId.toString());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
