package org.evsettle.devstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.evsettle.devstack.Await;
import org.evsettle.devstack.ChildProcess;
import org.evsettle.devstack.DevStackException;
import org.evsettle.devstack.Ports;
import org.evsettle.events.Topics;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), running in a child
 * JVM from the Kafka jars on Maven Central, with its log in a directory that survives restarts.
 * It can be stopped, killed and started again on the same data, as the loss tests need.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "broker.classpath";

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private ChildProcess process;

    private KafkaBroker(Path directory, int port, int controllerPort, Path logFile) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
    }

    /** Starts the broker with its data in directory and creates every EV Settle topic. */
    public static KafkaBroker start(Path directory, int port, int controllerPort, Path logFile) {
        KafkaBroker broker = new KafkaBroker(directory, port, controllerPort, logFile);
        broker.start();
        broker.createTopics(Topics.SPECS);
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** (Re)starts the broker process on the same data; returns once it serves requests. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "Kafka controller");
        Path config = writeConfig();
        if (!Files.exists(directory.resolve("log").resolve("meta.properties"))) {
            format(config);
        }
        process = ChildProcess.start("Kafka", javaCommand("kafka.Kafka", config.toString()),
                Map.of(), directory, logFile);
        Await.until("Kafka on port " + port, Duration.ofSeconds(60), process, this::answers);
    }

    /** Stops the broker cleanly. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /** Kills the broker as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public void createTopics(List<Topics.TopicSpec> specs) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topics.TopicSpec spec : specs) {
            NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
            if (spec.compacted()) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(topic);
        }
        try (Admin admin = admin()) {
            admin.createTopics(topics).values().forEach((name, result) -> {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new DevStackException("Cannot create topic " + name + ": " + e.getCause(), e);
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw new DevStackException("Cannot create topic " + name + ": " + e, e);
                }
            });
        }
    }

    private boolean answers() {
        if (!Ports.isListening(port)) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(properties);
    }

    private void format(Path config) {
        ChildProcess formatter = ChildProcess.start("Kafka storage format",
                javaCommand("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                        "--config", config.toString(), "--ignore-formatted"),
                Map.of(), directory, logFile);
        Await.until("Kafka storage format", Duration.ofSeconds(60), null, () -> !formatter.isAlive());
        if (!Files.exists(directory.resolve("log").resolve("meta.properties"))) {
            throw new DevStackException("Kafka storage could not be formatted; see " + logFile);
        }
    }

    private Path writeConfig() {
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("log").toAbsolutePath(),
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.cleaner.min.compaction.lag.ms=0",
                "");
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("server.properties");
            Files.writeString(file, config, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new DevStackException("Cannot write Kafka config in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.currentJava(),
                "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-cp", brokerClasspath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new DevStackException("The Kafka classpath is missing from the devstack jar: build it with ./mvnw");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            // the devstack's own classes and resources, for its simplelogger.properties
            return classpath + java.io.File.pathSeparator + codeSourceOf(KafkaBroker.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new DevStackException("Cannot locate the devstack classes", e);
        }
    }
}
