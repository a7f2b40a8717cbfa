package org.evsettle.outbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.EventJson;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.events.kafka.CloudEventHeaders;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.InfrastructureResource;

/** Records as other services would publish them, good and bad, and what a topic holds. */
final class KitFixtures implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    KitFixtures() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    static String bootstrap() {
        return InfrastructureResource.stack().kafka().bootstrapServers();
    }

    static Envelope<InvoicePaid> paid(UUID invoiceId, UUID operatorId) {
        return Envelope.of("invoice-service", new InvoicePaid(invoiceId, operatorId, UUID.randomUUID(), "INV-1",
                LocalDate.parse("2026-03-01"), new BigDecimal("12.34")));
    }

    static OperatorRecord operator(UUID id, long revision, String name) {
        return new OperatorRecord(id, revision, name, null, null, null, null, null, null, "Europe/Amsterdam", "EUR",
                "MONTHLY", 5, 14, null, false, List.of(), null, null, false, List.of(), List.of(), null, null);
    }

    /** Publishes an envelope as its producer would, to the topic given, keyed by its subject. */
    RecordMetadata publish(String topic, Envelope<?> envelope) {
        return publish(topic, envelope.subject(), envelope.id(), envelope.type(), json(envelope));
    }

    /** Publishes a record with CloudEvents headers and any value (null: a tombstone), to any key. */
    RecordMetadata publish(String topic, String key, UUID id, String ceType, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(id, ceType, "test", key, Instant.now(), value != null, headers);
        try {
            return producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    static byte[] json(Envelope<?> envelope) {
        try {
            return envelope.isTombstone() ? null : EventJson.mapper().writeValueAsBytes(envelope.data());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String operatorType() {
        return EventCatalog.OPERATOR.ceType();
    }

    /** Every record on a topic, read from its start until nothing new came for the quiet period. */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic, Duration quiet) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < quiet.toNanos()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    all.add(record);
                    quietSince = System.nanoTime();
                }
            }
        }
        return all;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
