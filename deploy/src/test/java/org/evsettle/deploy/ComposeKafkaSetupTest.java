package org.evsettle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evsettle.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml's kafka-setup, run as it is written (bash, Kafka's own command-line tools) against
 * the broker of docker-compose.yml: afterwards the broker holds every topic, a SCRAM user per service
 * with the password compose gives it, and exactly the ACLs of {@code Topics.ACCESS}.
 */
class ComposeKafkaSetupTest {

    private static final Map<String, String> TOOLS = Map.of(
            "kafka-topics.sh", "org.apache.kafka.tools.TopicCommand",
            "kafka-acls.sh", "org.apache.kafka.tools.AclCommand",
            "kafka-configs.sh", "kafka.admin.ConfigCommand");

    @TempDir
    Path directory;

    @Test
    void createsTheTopicsUsersAndAclsOfTheAccessTable() throws Exception {
        JsonNode setup = Manifests.yamlFile(Manifests.ROOT.resolve("docker-compose.yml")).at("/services/kafka-setup");
        try (SecuredKafka kafka = SecuredKafka.start(directory.resolve("kafka"))) {
            Map<String, String> environment = new HashMap<>();
            setup.path("environment").fields().forEachRemaining(entry ->
                    environment.put(entry.getKey(), defaultOf(entry.getValue().asText())));
            environment.put("EVSETTLE_KAFKA_ADMIN_PASSWORD", kafka.adminPassword());
            int exit = run(script(setup, kafka), environment);
            assertThat(exit).as("kafka-setup exits cleanly; see " + directory.resolve("setup.log")).isZero();

            try (Admin admin = kafka.admin()) {
                Map<String, TopicDescription> topics = admin.describeTopics(
                        Topics.SPECS.stream().map(Topics.TopicSpec::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
                for (Topics.TopicSpec spec : Topics.SPECS) {
                    assertThat(topics.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                    String policy = admin.describeConfigs(Set.of(new ConfigResource(ConfigResource.Type.TOPIC, spec.name())))
                            .all().get(30, TimeUnit.SECONDS).values().iterator().next().get("cleanup.policy").value();
                    assertThat(policy).as(spec.name()).isEqualTo(spec.compacted() ? "compact" : "delete");
                }
                assertThat(admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS).keySet())
                        .containsExactlyInAnyOrderElementsOf(Topics.ACCESS.stream().map(Topics.ClientAccess::principal).toList());
                Set<AclBinding> granted = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
                assertThat(granted).containsExactlyInAnyOrderElementsOf(
                        KafkaAcls.ofTopics().stream().map(KafkaAcls.Acl::binding).toList());
            }

            // session-service logs in with the password compose gives it, writes its sessions and no command
            String password = environment.get("EVSETTLE_KAFKA_SESSION_SERVICE_PASSWORD");
            Map<String, Object> client = new HashMap<>(kafka.scramClient("session-service", password));
            client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            client.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
            client.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
                assertThat(producer.send(new ProducerRecord<>(Topics.SESSIONS_EVENTS, "s", new byte[0]))
                        .get(15, TimeUnit.SECONDS).offset()).isNotNegative();
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.OCPP_COMMANDS, "CP-1", new byte[0]))
                        .get(15, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    /** The script, with the tools in a folder of wrappers that run them on this machine's Kafka jars. */
    private Path script(JsonNode setup, SecuredKafka kafka) throws Exception {
        Path bin = Files.createDirectories(directory.resolve("bin"));
        String classpath = SecuredKafka.brokerClasspath() + File.pathSeparator + System.getProperty("java.class.path");
        for (Map.Entry<String, String> tool : TOOLS.entrySet()) {
            Path wrapper = bin.resolve(tool.getKey());
            Files.writeString(wrapper, "#!/bin/bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                    + "' -Xmx256m -XX:TieredStopAtLevel=1 -cp '" + classpath + "' " + tool.getValue() + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // compose writes $$ for a $ that the shell, not compose, expands
        String text = setup.at("/command/0").asText().replace("$$", "$")
                .replace("/opt/kafka/bin/", bin + "/")
                .replace("kafka:29092", kafka.bootstrapServers())
                .replace("/tmp/admin.properties", directory.resolve("admin.properties").toString());
        Path script = directory.resolve("kafka-setup.sh");
        Files.writeString(script, text, StandardCharsets.UTF_8);
        return script;
    }

    private int run(Path script, Map<String, String> environment) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("setup.log").toFile());
        bash.environment().putAll(environment);
        Process process = bash.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("kafka-setup did not finish in 5 minutes");
        }
        if (process.exitValue() != 0) {
            System.out.println(Files.readString(directory.resolve("setup.log")));
        }
        return process.exitValue();
    }

    private static String defaultOf(String value) {
        return value.replaceAll("^\\$\\{\\w+:-([^}]*)}$", "$1");
    }
}
