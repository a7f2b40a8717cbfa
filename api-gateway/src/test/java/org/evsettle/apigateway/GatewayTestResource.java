package org.evsettle.apigateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.devstack.Ports;
import org.evsettle.devstack.keycloak.KeycloakAccounts;
import org.evsettle.devstack.keycloak.KeycloakServer;
import org.evsettle.devstack.postgres.PostgresServer;
import org.evsettle.testkit.ProjectRoot;

/**
 * What the gateway stands between, for its tests: a real Keycloak (realm evsettle from deploy/, on a
 * PostgreSQL of its own) whose login page the tests fill in, and stub services behind the routes
 * (users, sessions, and invoices, which publishes no API description); tariffs and ocpp route to ports
 * where nothing listens. Started once per test JVM.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    static final String OPERATOR_ADMIN = "gateway-operator";
    static final String DRIVER = "gateway-driver";
    static final String PASSWORD = "gateway-test-password";
    static final UUID OPERATOR_ID = UUID.fromString("5a7e0000-0000-4000-8000-000000000001");
    static final UUID DRIVER_ID = UUID.fromString("5a7e0000-0000-4000-8000-000000000002");
    static final String SERVICE_DOCUMENT = """
            {"openapi":"3.0.3","info":{"title":"stub","version":"1"},
             "tags":[{"name":"Things"}],
             "paths":{"/api/things/{id}":{"get":{"tags":["Things"],"responses":{"200":{"description":"ok",
               "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}}},
             "components":{"schemas":{"Thing":{"type":"object","properties":{"id":{"type":"string"}}}}}}
            """;
    static final String OTHER_SERVICE_DOCUMENT = SERVICE_DOCUMENT.replace("/api/things/{id}", "/api/others")
            .replace("\"id\":{\"type\":\"string\"}", "\"name\":{\"type\":\"string\"}");

    private static KeycloakServer keycloak;
    private static StubService users;
    private static StubService sessions;
    private static StubService invoices;
    private static int gatewayPort;

    @Override
    public synchronized Map<String, String> start() {
        if (keycloak == null) {
            Path data = temporaryDirectory();
            Path root = ProjectRoot.find();
            PostgresServer postgres = PostgresServer.start(data.resolve("postgres"), Ports.free(), false,
                    List.of("keycloak"), data.resolve("logs/postgres.log"));
            keycloak = KeycloakServer.start(root.resolve(".devstack/dist"), root.resolve("deploy/keycloak/evsettle-realm.json"),
                    Ports.free(), postgres.jdbcUrl("keycloak"), data.resolve("logs/keycloak.log"));
            users = StubService.start(SERVICE_DOCUMENT);
            sessions = StubService.start(OTHER_SERVICE_DOCUMENT);
            invoices = StubService.start(null);
            gatewayPort = Ports.free();
            KeycloakAccounts accounts = accounts();
            accounts.ensure(new KeycloakAccounts.Account(OPERATOR_ADMIN, PASSWORD, "operator-admin", OPERATOR_ID, null,
                    "Olga", "Operator"));
            accounts.ensure(new KeycloakAccounts.Account(DRIVER, PASSWORD, "driver", OPERATOR_ID, DRIVER_ID,
                    "Dirk", "Driver"));
            accounts.ensurePortal(root.resolve("deploy/keycloak/evsettle-realm.json"), gatewayUrl());
            KeycloakServer started = keycloak;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                users.close();
                sessions.close();
                invoices.close();
                started.close();
                postgres.close();
            }, "gateway-test-infrastructure-stop"));
        }
        return Map.of(
                "quarkus.http.test-port", String.valueOf(gatewayPort),
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                "evsettle.services.users", users.url(),
                "evsettle.services.sessions", sessions.url(),
                "evsettle.services.invoices", invoices.url(),
                "evsettle.services.tariffs", "http://localhost:" + Ports.free(),
                "evsettle.services.ocpp", "http://localhost:" + Ports.free(),
                "evsettle.proxy.response-timeout", "2S");
    }

    @Override
    public void stop() {
        // Keycloak lives as long as the test JVM: later test classes reuse it
    }

    static String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    static KeycloakAccounts accounts() {
        return new KeycloakAccounts(keycloak.url());
    }

    static String bearer(String username) {
        return accounts().login(username, PASSWORD);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("evsettle-gateway-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
