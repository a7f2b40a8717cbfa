package org.evsettle.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.kafka.EnvelopeDeserializer;
import org.evsettle.events.kafka.EnvelopeSerializer;

/**
 * Reads and writes EV Settle topics in tests, as another service would: publish envelopes upstream
 * of the service under test, and collect what it published.
 */
public final class TopicProbe implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, Envelope<?>> producer;
    private Admin admin;

    public TopicProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new EnvelopeSerializer());
    }

    /** Publishes the envelope to its topic, keyed by its subject, waits for the broker's ack and says where it landed. */
    public RecordMetadata publish(Envelope<?> envelope) {
        try {
            return producer.send(new ProducerRecord<>(envelope.topic(), envelope.subject(), envelope))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot publish " + envelope.type(), e);
        }
    }

    public <T extends Event> void publish(String source, T event) {
        publish(Envelope.of(source, event));
    }

    /**
     * Whether the consumer group has committed its offset past the record: the service applied it (and
     * everything before it on its partition) and acknowledged it.
     */
    public boolean consumed(String groupId, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try {
            OffsetAndMetadata committed = admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
            return committed != null && committed.offset() > record.offset();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the offsets of " + groupId, e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
        return admin;
    }

    /** Every envelope on the topic from its start, read until nothing new arrives for the quiet period. */
    public List<Envelope<?>> readAll(String topic, Duration quiet) {
        List<Envelope<?>> all = new ArrayList<>();
        try (KafkaConsumer<String, Envelope<?>> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < quiet.toNanos()) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, Envelope<?>> record : records) {
                    all.add(record.value());
                    quietSince = System.nanoTime();
                }
            }
        }
        return all;
    }

    /** The data of all envelopes of a type on the topic that match, read until quiet. */
    public <T extends Event> List<T> readAll(String topic, Class<T> type, Predicate<T> matching, Duration quiet) {
        return readAll(topic, quiet).stream()
                .filter(envelope -> type.isInstance(envelope.data()))
                .map(envelope -> type.cast(envelope.data()))
                .filter(matching)
                .toList();
    }

    private KafkaConsumer<String, Envelope<?>> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new EnvelopeDeserializer());
    }

    @Override
    public synchronized void close() {
        producer.close(Duration.ofSeconds(5));
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
