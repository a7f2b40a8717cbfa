package org.evsettle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.evsettle.devstack.Await;
import org.evsettle.devstack.ChildProcess;
import org.evsettle.devstack.Ports;
import org.evsettle.devstack.kafka.KafkaBroker;

/**
 * A real single-node Kafka broker (KRaft) configured as docker-compose.yml configures its {@code kafka}
 * service: the broker settings are read from that service's {@code KAFKA_*} environment (the image's
 * naming: {@code _} is a dot, {@code __} an underscore, {@code ___} a dash), with only the host names, ports
 * and data directory replaced for this machine and a random administrator password. It runs in a child
 * JVM on the devstack's Kafka classpath, as the devstack's own broker does.
 */
final class SecuredKafka implements AutoCloseable {

    static final String ADMIN = "admin";
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{(\\w+):-([^}]*)}");

    private final int port;
    private final String adminPassword;
    private final ChildProcess process;

    private SecuredKafka(int port, String adminPassword, ChildProcess process) {
        this.port = port;
        this.adminPassword = adminPassword;
        this.process = process;
    }

    /** Formats the storage in directory and starts the broker of docker-compose.yml on free local ports. */
    static SecuredKafka start(Path directory) {
        int port = Ports.free();
        int controllerPort = Ports.free();
        String adminPassword = UUID.randomUUID().toString().replace("-", "");
        Properties config = composeBrokerConfig(adminPassword);
        config.put("listeners", "INTERNAL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "INTERNAL://localhost:" + port);
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("log.dirs", directory.resolve("log").toAbsolutePath().toString());
        Path file = directory.resolve("server.properties");
        Path log = directory.resolve("kafka.log");
        try {
            Files.createDirectories(directory);
            try (var out = Files.newBufferedWriter(file)) {
                config.store(out, "docker-compose.yml's kafka service, on this machine");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess formatter = ChildProcess.start("Kafka storage format", java("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", file.toString()), Map.of(), directory, log);
        Await.until("Kafka storage format", Duration.ofSeconds(60), null, () -> !formatter.isAlive());
        ChildProcess broker = ChildProcess.start("Kafka (SASL)", java("kafka.Kafka", file.toString()), Map.of(),
                directory, log);
        SecuredKafka kafka = new SecuredKafka(port, adminPassword, broker);
        Await.until("Kafka with SASL on port " + port, Duration.ofSeconds(90), broker, kafka::answersAdmin);
        return kafka;
    }

    /**
     * The broker settings of docker-compose.yml's kafka service, every {@code ${VARIABLE:-default}} resolved
     * to its default except the administrator's password.
     */
    static Properties composeBrokerConfig(String adminPassword) {
        JsonNode environment = Manifests.yamlFile(Manifests.ROOT.resolve("docker-compose.yml")).at("/services/kafka/environment");
        Properties config = new Properties();
        environment.fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("KAFKA_")) {
                config.put(propertyOf(entry.getKey()), resolve(entry.getValue().asText(), adminPassword));
            }
        });
        return config;
    }

    /** {@code KAFKA_LISTENER_NAME_INTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG} → its broker property. */
    static String propertyOf(String variable) {
        return variable.substring("KAFKA_".length()).toLowerCase()
                .replace("___", "\u0000").replace("__", "\u0001").replace('_', '.')
                .replace('\u0000', '-').replace('\u0001', '_');
    }

    private static String resolve(String value, String adminPassword) {
        Matcher defaulted = DEFAULTED.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (defaulted.find()) {
            String replacement = "EVSETTLE_KAFKA_ADMIN_PASSWORD".equals(defaulted.group(1)) ? adminPassword : defaulted.group(2);
            defaulted.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return defaulted.appendTail(resolved).toString();
    }

    /** The administrator's password, random for each broker. */
    String adminPassword() {
        return adminPassword;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The settings of a client that authenticates as user with password by SCRAM-SHA-512, as the services do. */
    Map<String, Object> scramClient(String user, String password) {
        Map<String, Object> config = new LinkedHashMap<>(common());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + user + "\" password=\"" + password + "\";");
        return config;
    }

    /** A client that does not authenticate at all. */
    Map<String, Object> anonymousClient() {
        Map<String, Object> config = new LinkedHashMap<>(common());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        return config;
    }

    /** The administrator (a super user), as kafka-setup in docker-compose.yml logs in. */
    Admin admin() {
        Map<String, Object> config = new LinkedHashMap<>(common());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + ADMIN + "\" password=\"" + adminPassword + "\";");
        return Admin.create(config);
    }

    private Map<String, Object> common() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return config;
    }

    private boolean answersAdmin() {
        if (!Ports.isListening(port)) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    private static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.currentJava(), "-Xms128m", "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", brokerClasspath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** The classpath the devstack runs its broker on (a resource of the devstack jar). */
    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("The devstack jar carries no Kafka classpath: build it with ./mvnw");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
