package org.evsettle.gateway.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evsettle.events.Envelope;
import org.evsettle.events.kafka.EnvelopeRecords;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.EnvelopeDeserializer;
import org.evsettle.gateway.RegistryProjection;

/**
 * Feeds the {@link RegistryProjection} from the compacted registry topics: reads them completely
 * from the beginning at start-up, marks the projection ready once it reached the end offsets seen
 * at start, then keeps following. It assigns every partition itself and never commits (no consumer
 * group), because every gateway replica needs the whole table.
 */
@ApplicationScoped
public class RegistryFollower {

    static final List<String> TOPICS = List.of(Topics.REGISTRY_OPERATORS, Topics.REGISTRY_CHARGERS, Topics.REGISTRY_CARDS);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);

    private final RegistryProjection projection;
    private final String bootstrapServers;
    private final String applicationName;
    private volatile boolean running;
    private volatile KafkaConsumer<String, Envelope<?>> consumer;
    private Thread thread;

    public RegistryFollower(RegistryProjection projection,
                            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.projection = projection;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::follow, "registry-follower");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        KafkaConsumer<String, Envelope<?>> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow() {
        try (KafkaConsumer<String, Envelope<?>> kafka =
                     new KafkaConsumer<>(config(), new StringDeserializer(), new EnvelopeDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = partitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions, Duration.ofMinutes(5));
            Log.infof("Reading the registry: %d partitions, %d records at most", partitions.size(),
                    endAtStart.values().stream().mapToLong(Long::longValue).sum());
            while (running) {
                try {
                    for (ConsumerRecord<String, Envelope<?>> record : kafka.poll(POLL)) {
                        projection.apply(EnvelopeRecords.of(record));
                    }
                    if (!projection.isReady() && caughtUp(kafka, endAtStart)) {
                        projection.markReady();
                        Log.info("The registry projection caught up: chargers may connect");
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException | IllegalStateException e) {
                    Log.warnf("Reading the registry failed, retrying: %s", e.toString());
                    pause();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                Log.error("The registry follower was woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            Log.error("The registry follower stopped; the gateway will not admit new chargers", e);
        }
    }

    /** Every partition of the registry topics, waiting until Kafka can tell them. */
    private List<TopicPartition> partitions(KafkaConsumer<String, Envelope<?>> kafka) {
        while (true) {
            try {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : TOPICS) {
                    List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
                    if (infos == null || infos.isEmpty()) {
                        throw new KafkaException("Topic " + topic + " does not exist (yet)");
                    }
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
                return partitions;
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                Log.warnf("Waiting for the registry topics: %s", e.toString());
                pause();
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, Envelope<?>> kafka, Map<TopicPartition, Long> endAtStart) {
        for (Map.Entry<TopicPartition, Long> end : endAtStart.entrySet()) {
            if (kafka.position(end.getKey(), Duration.ofSeconds(30)) < end.getValue()) {
                return false;
            }
        }
        return true;
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

    private Properties config() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationName + "-registry");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }
}
