package org.evsettle.users;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evsettle.events.kafka.CloudEventHeaders;
import org.evsettle.testkit.InfrastructureResource;

/** Publishes a record as a broken producer would: CloudEvents headers, and any bytes as the value (null: none). */
final class RawRecords {

    private RawRecords() {
    }

    static RecordMetadata publish(String topic, String key, UUID eventId, String ceType, byte[] value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureResource.stack().kafka().bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            RecordHeaders headers = new RecordHeaders();
            CloudEventHeaders.write(eventId, ceType, "test", key, Instant.now(), value != null, headers);
            return producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }
}
