package org.evsettle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evsettle.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka ACLs on a real broker: the broker of docker-compose.yml (SASL, SCRAM-SHA-512 for the services,
 * the StandardAuthorizer, no anonymous access), with a SCRAM user for every KafkaUser of the prod overlay
 * and exactly the ACLs those KafkaUsers declare. Each service may write its own topics and read what it
 * consumes in its own group; nothing else, and nobody gets in without a password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAclsOnBrokerTest {

    @TempDir
    static Path directory;

    private SecuredKafka kafka;
    private final Map<String, String> passwords = new HashMap<>();

    @BeforeAll
    void startTheBrokerWithTheUsersAndAclsTheDeploymentDeclares() throws Exception {
        kafka = SecuredKafka.start(directory);
        List<JsonNode> prod = Manifests.render("prod");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(Topics.SPECS.stream().map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) 1))
                    .toList()).all().get(60, TimeUnit.SECONDS);
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            Manifests.ofKind(prod, "KafkaUser").forEach(user -> {
                String name = user.at("/metadata/name").asText();
                passwords.put(name, UUID.randomUUID().toString());
                users.add(new UserScramCredentialUpsertion(name,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), passwords.get(name)));
            });
            admin.alterUserScramCredentials(new ArrayList<>(users)).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(KafkaAcls.ofKafkaUsers(prod).stream().map(KafkaAcls.Acl::binding).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
        assertThat(passwords.keySet()).as("a Kafka user per service")
                .containsExactlyInAnyOrderElementsOf(Topics.ACCESS.stream().map(Topics.ClientAccess::principal).toList());
    }

    @AfterAll
    void stopTheBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void refusesAClientThatDoesNotAuthenticate() {
        Map<String, Object> anonymous = kafka.anonymousClient();
        anonymous.put("default.api.timeout.ms", 4000);
        anonymous.put("request.timeout.ms", 2000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .as("a plain client gets no answer from the SASL listener").isInstanceOf(ExecutionException.class);
        }
        try (KafkaProducer<String, byte[]> producer = producer(anonymous)) {
            assertThatThrownBy(() -> send(producer, Topics.OCPP_COMMANDS)).as("nor can it send a command")
                    .isNotNull();
        }
    }

    @Test
    void refusesAServiceWithTheWrongPassword() {
        try (Admin admin = Admin.create(kafka.scramClient("ocpp-gateway", "not-its-password"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void refusesCommandsAndRegistryRecordsFromAnyoneButTheirOwner() {
        try (KafkaProducer<String, byte[]> sessions = producer(client("session-service"));
             KafkaProducer<String, byte[]> gateway = producer(client("ocpp-gateway"));
             KafkaProducer<String, byte[]> users = producer(client("user-service"))) {
            // a remote start, unlock or reset from a service that has no business sending it
            assertRefused(sessions, Topics.OCPP_COMMANDS);
            assertRefused(users, Topics.OCPP_COMMANDS);
            // an accepted card, or a charger's identity, from anyone but user-service
            assertRefused(sessions, Topics.REGISTRY_CARDS);
            assertRefused(sessions, Topics.REGISTRY_CHARGERS);
            assertRefused(gateway, Topics.REGISTRY_CARDS);
            assertRefused(gateway, Topics.REGISTRY_CHARGERS);
        }
    }

    @Test
    void letsEveryServiceWriteOnlyItsOwnTopics() throws Exception {
        for (Topics.ClientAccess access : Topics.ACCESS) {
            try (KafkaProducer<String, byte[]> producer = producer(client(access.principal()))) {
                for (Topics.TopicSpec topic : Topics.SPECS) {
                    if (access.writes().contains(topic.name())) {
                        assertThat(send(producer, topic.name())).as("%s writes %s", access.principal(), topic.name())
                                .isNotNegative();
                    } else {
                        assertRefused(producer, topic.name());
                    }
                }
            }
        }
    }

    @Test
    void letsEveryServiceReadWhatItConsumesInItsOwnGroup() throws Exception {
        Map<String, String> probes = new LinkedHashMap<>();
        for (Topics.TopicSpec topic : Topics.SPECS) {
            Topics.ACCESS.stream().filter(access -> access.writes().contains(topic.name())).findFirst().ifPresent(writer -> {
                try (KafkaProducer<String, byte[]> producer = producer(client(writer.principal()))) {
                    String probe = "probe-" + UUID.randomUUID();
                    producer.send(new ProducerRecord<>(topic.name(), probe, new byte[0])).get(30, TimeUnit.SECONDS);
                    probes.put(topic.name(), probe);
                } catch (Exception e) {
                    throw new AssertionError(writer.principal() + " cannot write " + topic.name(), e);
                }
            });
        }
        for (Topics.ClientAccess access : Topics.ACCESS) {
            Map<String, Object> config = client(access.principal());
            access.group().ifPresent(group -> config.put(ConsumerConfig.GROUP_ID_CONFIG, group));
            try (KafkaConsumer<String, byte[]> consumer = consumer(config)) {
                if (access.group().isPresent()) {
                    consumer.subscribe(access.reads());
                } else {
                    // the ocpp-gateway: every partition, assigned, no group
                    consumer.assign(partitions(consumer, access.reads()));
                    consumer.seekToBeginning(consumer.assignment());
                }
                Set<String> seen = new HashSet<>();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        seen.add(record.key());
                    }
                    assertThat(seen).as("%s reads %s", access.principal(), access.reads())
                            .containsAll(access.reads().stream().map(probes::get).toList());
                });
                if (access.group().isPresent()) {
                    consumer.commitSync(Duration.ofSeconds(10));
                }
            }
        }
    }

    @Test
    void showsEveryServiceTheClusterAndOnlyTheTopicsItUses() throws Exception {
        for (Topics.ClientAccess access : Topics.ACCESS) {
            try (Admin admin = Admin.create(client(access.principal()))) {
                // the services' readiness asks the broker for its nodes, the gateway's also for its topics
                assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
                Set<String> uses = new HashSet<>(access.writes());
                uses.addAll(access.reads());
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).as("%s sees", access.principal())
                        .containsExactlyInAnyOrderElementsOf(uses);
            }
        }
    }

    @Test
    void refusesAServiceAnotherServicesGroupOrTopics() {
        Map<String, Object> inAnotherGroup = client("session-service");
        inAnotherGroup.put(ConsumerConfig.GROUP_ID_CONFIG, "tariff-service");
        try (KafkaConsumer<String, byte[]> consumer = consumer(inAnotherGroup)) {
            consumer.subscribe(List.of(Topics.OCPP_EVENTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer(client("session-service"))) {
            consumer.assign(List.of(new TopicPartition(Topics.INVOICES_EVENTS, 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer(client("ocpp-gateway"))) {
            consumer.assign(List.of(new TopicPartition(Topics.REGISTRY_DRIVERS, 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).as("the gateway reads no drivers")
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void letsNoServiceChangeUsersAclsOrTopics() {
        try (Admin admin = Admin.create(client("user-service"))) {
            assertThatThrownBy(() -> admin.createAcls(List.of(new KafkaAcls.Acl("user-service", "topic",
                    Topics.OCPP_COMMANDS, "write").binding())).all().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ClusterAuthorizationException.class);
            assertThatThrownBy(() -> admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                    "ocpp-gateway", new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "taken-over")))
                    .all().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ClusterAuthorizationException.class);
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("registry.cards.v2", 1, (short) 1)))
                    .all().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> admin.deleteTopics(List.of(Topics.REGISTRY_CARDS)).all().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private Map<String, Object> client(String principal) {
        return kafka.scramClient(principal, passwords.get(principal));
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        return partitions;
    }

    /** Sends one record and returns its offset once the broker has it. */
    private static long send(KafkaProducer<String, byte[]> producer, String topic) throws Exception {
        return producer.send(new ProducerRecord<>(topic, "acl-test", "{}".getBytes(StandardCharsets.UTF_8)))
                .get(15, TimeUnit.SECONDS).offset();
    }

    private static void assertRefused(KafkaProducer<String, byte[]> producer, String topic) {
        assertThatThrownBy(() -> send(producer, topic)).as("writing %s is refused", topic)
                .satisfies(refusal -> assertThat(refusal instanceof TopicAuthorizationException
                        || refusal.getCause() instanceof TopicAuthorizationException)
                        .as("refused for want of a Write ACL on %s: %s", topic, refusal).isTrue());
    }
}
