package org.evsettle.gateway.messaging;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A Kafka consumer on a thread of its own that reads every partition of some topics with no consumer
 * group and no commits, because every gateway replica needs every record. It waits until the topics
 * exist, starts at their beginning (a table) or their end (traffic), says once when it has read what
 * they held when it took its positions, and rides out a broker that goes away by retrying. Records
 * arrive as bytes, tombstones included; what one means is its owner's business.
 */
final class PartitionReader {

    /** Where reading starts. */
    enum Start { BEGINNING, END }

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);

    private final String name;
    private final List<String> topics;
    private final Start start;
    private final Map<String, Object> config;
    private final Consumer<ConsumerRecord<String, byte[]>> onRecord;
    private final Runnable onCaughtUp;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param kafka the {@code kafka.*} configuration the gateway's channels use (bootstrap servers,
     *              security), so that this consumer reaches the broker as they do
     */
    PartitionReader(String name, List<String> topics, Start start, Map<String, Object> kafka,
                    Consumer<ConsumerRecord<String, byte[]>> onRecord, Runnable onCaughtUp) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.start = start;
        this.config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // Quarkus names a group after the application: no group here
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ocpp-gateway-" + name);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // only used when a position falls out of the log (retention, compaction) while the reader is away
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, start == Start.BEGINNING ? "earliest" : "latest");
        this.onRecord = onRecord;
        this.onCaughtUp = onCaughtUp;
    }

    void start() {
        running = true;
        thread = new Thread(this::read, name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try (KafkaConsumer<String, byte[]> kafka =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            Map<TopicPartition, Long> endAtStart = positioned(kafka);
            boolean caughtUp = false;
            while (running) {
                try {
                    if (!caughtUp && reached(kafka, endAtStart)) {
                        caughtUp = true;
                        onCaughtUp.run();
                    }
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                        handle(record);
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    Log.warnf("Reading %s failed, retrying: %s", topics, e.toString());
                    pause();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                Log.errorf(e, "The %s was woken up unexpectedly and stopped reading %s", name, topics);
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "The %s stopped reading %s", name, topics);
        }
    }

    /** Assigns every partition and fixes where reading starts; returns where each partition ended then. */
    private Map<TopicPartition, Long> positioned(KafkaConsumer<String, byte[]> kafka) {
        while (true) {
            try {
                List<TopicPartition> partitions = partitions(kafka);
                kafka.assign(partitions);
                if (start == Start.BEGINNING) {
                    kafka.seekToBeginning(partitions);
                } else {
                    kafka.seekToEnd(partitions);
                }
                partitions.forEach(partition -> kafka.position(partition, KAFKA_TIMEOUT)); // now, not at the first poll
                Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, KAFKA_TIMEOUT);
                Log.infof("The %s reads %s: %d partitions from the %s", name, topics, partitions.size(),
                        start.name().toLowerCase());
                return ends;
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                Log.warnf("The %s waits for %s: %s", name, topics, e.toString());
                pause();
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, KAFKA_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new KafkaException("Topic " + topic + " does not exist (yet)");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (kafka.position(end.getKey(), KAFKA_TIMEOUT) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** One record to its owner; a record it cannot handle is logged and passed over, never retried for ever. */
    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            onRecord.accept(record);
        } catch (RuntimeException e) {
            Log.warnf("The %s could not handle %s-%d@%d: %s", name, record.topic(), record.partition(), record.offset(),
                    e.toString());
        }
    }

    private void pause() {
        if (!running) {
            throw new WakeupException();
        }
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE.toMillis()); // a plain thread of our own, not a worker or event loop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }
}
