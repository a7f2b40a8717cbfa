package org.evsettle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.evsettle.devstack.DevStack;
import org.evsettle.devstack.platform.Service;
import org.evsettle.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml runs what the devstack runs, with the services' configuration, and publishes only
 * the public entries: the api-gateway, the chargers' WebSocket and Keycloak.
 */
class ComposeFileTest {

    /** {@code ${VARIABLE:-default}}: a value that an .env file next to docker-compose.yml can replace. */
    private static final Pattern OVERRIDABLE = Pattern.compile("\\$\\{(\\w+):-([^}]*)}");

    private final JsonNode compose = Manifests.yamlFile(Manifests.ROOT.resolve("docker-compose.yml"));
    private final JsonNode services = compose.path("services");
    private final DevStack.Settings devstack = DevStack.Settings.local(Manifests.ROOT);

    @Test
    void runsEveryServiceFromItsPackagedModule() {
        for (Service service : Service.backends()) {
            JsonNode entry = services.path(service.module());

            assertThat(entry.at("/build/args/MODULE").asText()).isEqualTo(service.module());
            assertThat(Manifests.ROOT.resolve(entry.at("/build/dockerfile").asText())).exists();
            assertThat(entry.at("/environment/EVSETTLE_KAFKA").asText()).isEqualTo("kafka:29092");
            assertThat(entry.at("/environment/EVSETTLE_DB_HOST").asText()).isEqualTo("postgres");
            assertThat(entry.at("/environment/EVSETTLE_OIDC_URL").asText())
                    .isEqualTo("http://keycloak:8180/realms/evsettle");
            assertThat(entry.at("/healthcheck/test").toString())
                    .contains("http://localhost:9000/q/health/ready");
        }
    }

    @Test
    void publishesOnlyTheGatewayTheChargersSocketAndKeycloak() {
        int ocpp = port(Service.OCPP_GATEWAY);
        Map<String, List<String>> published = new TreeMap<>();
        services.fields().forEachRemaining(service -> {
            List<String> ports = new ArrayList<>();
            service.getValue().path("ports").forEach(port -> ports.add(published(port)));
            if (!ports.isEmpty()) {
                published.put(service.getKey(), ports);
            }
            assertThat(service.getValue().path("network_mode").asText())
                    .as("%s shares no network with the host", service.getKey()).isNotEqualTo("host");
        });

        assertThat(published).isEqualTo(Map.of(
                ApiGateway.MODULE, List.of(ApiGateway.port() + ":" + ApiGateway.port()),
                Service.OCPP_GATEWAY.module(), List.of(ocpp + ":" + ocpp),
                "keycloak", List.of(devstack.keycloakPort() + ":" + devstack.keycloakPort())));
    }

    @Test
    void runsTheApiGatewayInFrontOfTheServices() {
        JsonNode gateway = services.path(ApiGateway.MODULE);
        JsonNode environment = gateway.path("environment");

        assertThat(gateway.at("/build/args/MODULE").asText()).isEqualTo(ApiGateway.MODULE);
        assertThat(Manifests.ROOT.resolve(gateway.at("/build/dockerfile").asText())).exists();
        assertThat(Manifests.ROOT.resolve(ApiGateway.MODULE).resolve("pom.xml")).exists();
        assertThat(gateway.at("/healthcheck/test").toString()).contains("http://localhost:9000/q/health/ready");

        Map<String, Service> routes = ApiGateway.routes();
        assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(ApiGateway.ROUTES);
        assertThat(routes.values()).containsExactlyInAnyOrderElementsOf(Service.backends());
        routes.forEach((route, service) -> {
            assertThat(environment.path(ApiGateway.routeVariable(route)).asText()).as(route)
                    .isEqualTo("http://" + service.module() + ":" + port(service));
            assertThat(gateway.at("/depends_on/" + service.module() + "/condition").asText())
                    .as("starts after %s is ready", service.module()).isEqualTo("service_healthy");
        });
        assertThat(gateway.at("/depends_on/keycloak/condition").asText()).isEqualTo("service_healthy");

        Set<String> variables = new HashSet<>();
        environment.fieldNames().forEachRemaining(variables::add);
        assertThat(variables).as("no database, no Kafka")
                .doesNotContain("EVSETTLE_KAFKA", "EVSETTLE_DB_HOST", "EVSETTLE_DB_USER", "EVSETTLE_DB_PASSWORD");
        assertThat(environment.path("EVSETTLE_COOKIE_SECURE").asText()).isNotEmpty();
    }

    @Test
    void logsTheBrowserInAtKeycloaksPublicAddress() {
        JsonNode environment = services.at("/" + ApiGateway.MODULE + "/environment");
        JsonNode client = ApiGateway.realmClient(devstack.realmFile());
        String hostname = StreamSupport.stream(services.at("/keycloak/command").spliterator(), false)
                .map(JsonNode::asText).filter(argument -> argument.startsWith("--hostname="))
                .findFirst().orElseThrow().substring("--hostname=".length());

        // the issuer is the address browsers use; the gateway reaches Keycloak on the compose network,
        // where the dynamic back-channel answers it while announcing that issuer
        assertThat(defaultOf(hostname)).isEqualTo("http://localhost:" + devstack.keycloakPort());
        assertThat(services.at("/keycloak/command").toString()).contains("--hostname-backchannel-dynamic=true");
        assertThat(environment.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText())
                .isEqualTo(services.at("/user-service/environment/EVSETTLE_OIDC_URL").asText());

        assertThat(environment.path("QUARKUS_OIDC_CLIENT_ID").asText()).isEqualTo(ApiGateway.clientId());
        assertThat(client.path("publicClient").asBoolean()).as("a confidential client").isFalse();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(defaultOf(environment.path("QUARKUS_OIDC_CREDENTIALS_SECRET").asText()))
                .isEqualTo(client.path("secret").asText());
        assertThat(client.path("redirectUris").toString()).contains("http://localhost:" + ApiGateway.port() + "/");

        for (String secret : ApiGateway.secretVariables()) {
            assertThat(environment.path(secret).asText()).as("%s can be set in .env", secret).matches(OVERRIDABLE);
        }
    }

    @Test
    void keepsKafkaAndPostgresOnTheComposeNetwork() {
        assertThat(services.at("/kafka/ports").isMissingNode()).as("Kafka is not published").isTrue();
        assertThat(services.at("/postgres/ports").isMissingNode()).as("PostgreSQL is not published").isTrue();
        assertThat(services.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText())
                .isEqualTo("INTERNAL://kafka:29092");
        String realmMount = services.at("/keycloak/volumes/0").asText().split(":")[0];
        assertThat(Manifests.ROOT.resolve(realmMount).normalize()).isEqualTo(devstack.realmFile());
    }

    @Test
    void createsEveryTopicWithItsPartitionsAndCompaction() {
        String script = services.at("/kafka-setup/command/0").asText();
        Matcher create = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+)( compact)?\\s*$").matcher(script);
        Map<String, String> created = new HashMap<>();
        while (create.find()) {
            created.put(create.group(1), create.group(2) + (create.group(3) != null ? " compact" : ""));
        }

        Map<String, String> expected = new HashMap<>();
        Topics.SPECS.forEach(spec -> expected.put(spec.name(), spec.partitions() + (spec.compacted() ? " compact" : "")));
        assertThat(created).isEqualTo(expected);
    }

    @Test
    void createsTheDatabaseOfEveryService() throws Exception {
        String mount = services.at("/postgres/volumes/1").asText().split(":")[0];
        String sql = Files.readString(Manifests.ROOT.resolve(mount));
        Matcher database = Pattern.compile("CREATE DATABASE (\\w+);").matcher(sql);
        Set<String> databases = new HashSet<>();
        while (database.find()) {
            databases.add(database.group(1));
        }

        assertThat(databases).containsExactlyInAnyOrderElementsOf(DevStack.DATABASES);
    }

    private static int port(Service service) {
        int port = Integer.parseInt(Manifests.applicationProperties(service.module()).getProperty("quarkus.http.port"));
        assertThat(port).as(service.module()).isEqualTo(service.defaultPort());
        return port;
    }

    /** A port as published on the host, {@code host:container}, from the short or the long syntax. */
    private static String published(JsonNode port) {
        if (port.isObject()) {
            return port.path("published").asText() + ":" + port.path("target").asText();
        }
        String[] parts = port.asText().replaceFirst("/(tcp|udp)$", "").split(":");
        return parts.length == 1 ? ":" + parts[0] : parts[parts.length - 2] + ":" + parts[parts.length - 1];
    }

    /** The value compose uses when the variable is not set: the default of {@code ${VARIABLE:-default}}. */
    private static String defaultOf(String value) {
        Matcher overridable = OVERRIDABLE.matcher(value);
        return overridable.matches() ? overridable.group(2) : value;
    }
}
