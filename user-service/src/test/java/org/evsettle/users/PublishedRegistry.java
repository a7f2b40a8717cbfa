package org.evsettle.users;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.EnvelopeDeserializer;
import org.evsettle.events.kafka.EnvelopeRecords;
import org.evsettle.events.registry.RegistryRecord;
import org.evsettle.testkit.InfrastructureResource;

/**
 * What the service published on the registry topics, read as another service would: every
 * partition from the start, tombstones included. Reading stops at the end offsets taken when asked,
 * so a read never depends on a quiet period.
 */
final class PublishedRegistry implements AutoCloseable {

    static final List<String> TOPICS = List.of(Topics.REGISTRY_OPERATORS, Topics.REGISTRY_SITES,
            Topics.REGISTRY_CHARGERS, Topics.REGISTRY_DRIVERS, Topics.REGISTRY_CARDS);
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static PublishedRegistry shared;

    private final KafkaConsumer<String, Envelope<?>> consumer;
    private final List<Envelope<?>> envelopes = new ArrayList<>();

    PublishedRegistry(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new EnvelopeDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** One reader for all test classes of the JVM: it reads each record once, however many tests ask. */
    static synchronized PublishedRegistry shared() {
        if (shared == null) {
            shared = new PublishedRegistry(InfrastructureResource.stack().kafka().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "published-registry-close"));
        }
        return shared;
    }

    /** Every envelope published so far (up to the end offsets of now), in topic-partition order. */
    synchronized List<Envelope<?>> all() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read the registry topics to their end");
            }
            for (ConsumerRecord<String, Envelope<?>> record : consumer.poll(Duration.ofMillis(200))) {
                envelopes.add(EnvelopeRecords.of(record));
            }
        }
        return List.copyOf(envelopes);
    }

    /** The records of a type published for one entity, oldest first. */
    <T extends RegistryRecord> List<T> of(Class<T> type, UUID id) {
        return all().stream().filter(e -> type.isInstance(e.data())).map(e -> type.cast(e.data()))
                .filter(r -> r.id().equals(id)).toList();
    }

    /** Waits until the latest published record of the entity satisfies the condition, and returns it. */
    <T extends RegistryRecord> T awaitLatest(Class<T> type, UUID id, Predicate<T> condition) {
        return await().atMost(PATIENCE).until(() -> latest(type, id), r -> r != null && condition.test(r));
    }

    <T extends RegistryRecord> T awaitLatest(Class<T> type, UUID id) {
        return awaitLatest(type, id, r -> true);
    }

    private <T extends RegistryRecord> T latest(Class<T> type, UUID id) {
        List<T> records = of(type, id);
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }

    /** The state the topics hold: per entity its record of the highest revision; a tombstone removes it. */
    Map<UUID, RegistryRecord> projection() {
        Map<UUID, RegistryRecord> state = new HashMap<>();
        for (Envelope<?> envelope : all()) {
            if (envelope.data() == null) {
                state.remove(UUID.fromString(envelope.subject()));
            } else if (envelope.data() instanceof RegistryRecord record) {
                RegistryRecord known = state.get(record.id());
                if (known == null || known.revision() < record.revision()) {
                    state.put(record.id(), record);
                }
            }
        }
        return state;
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
