package org.evsettle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evsettle.devstack.DevStack;
import org.evsettle.devstack.platform.Service;
import org.evsettle.events.Topics;
import org.junit.jupiter.api.Test;

/** docker-compose.yml runs what the devstack runs, on the same ports, with the services' configuration. */
class ComposeFileTest {

    private final JsonNode compose = Manifests.yamlFile(Manifests.ROOT.resolve("docker-compose.yml"));
    private final JsonNode services = compose.path("services");
    private final DevStack.Settings devstack = DevStack.Settings.local(Manifests.ROOT);

    @Test
    void runsEveryServiceFromItsPackagedModuleOnItsPort() {
        for (Service service : Service.values()) {
            JsonNode entry = services.path(service.module());
            int port = Integer.parseInt(Manifests.applicationProperties(service.module()).getProperty("quarkus.http.port"));

            assertThat(entry.at("/build/args/MODULE").asText()).isEqualTo(service.module());
            assertThat(Manifests.ROOT.resolve(entry.at("/build/dockerfile").asText())).exists();
            assertThat(entry.path("ports").get(0).asText()).isEqualTo(port + ":" + port);
            assertThat(entry.at("/environment/EVSETTLE_KAFKA").asText()).isEqualTo("kafka:29092");
            assertThat(entry.at("/environment/EVSETTLE_DB_HOST").asText()).isEqualTo("postgres");
            assertThat(entry.at("/environment/EVSETTLE_OIDC_URL").asText())
                    .isEqualTo("http://keycloak:8180/realms/evsettle");
            assertThat(entry.at("/healthcheck/test").toString())
                    .contains("http://localhost:9000/q/health/ready");
        }
    }

    @Test
    void exposesTheInfrastructureOnTheDevstackPorts() {
        assertThat(services.at("/kafka/ports/0").asText()).isEqualTo(devstack.kafkaPort() + ":9092");
        assertThat(services.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText()).contains("INTERNAL://kafka:29092");
        assertThat(services.at("/postgres/ports/0").asText()).isEqualTo(devstack.postgresPort() + ":5432");
        assertThat(services.at("/keycloak/ports/0").asText()).isEqualTo(devstack.keycloakPort() + ":" + devstack.keycloakPort());
        String realmMount = services.at("/keycloak/volumes/0").asText().split(":")[0];
        assertThat(Manifests.ROOT.resolve(realmMount).normalize()).isEqualTo(devstack.realmFile());
    }

    @Test
    void createsEveryTopicWithItsPartitionsAndCompaction() {
        String script = services.at("/kafka-topics/command/0").asText();
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
}
