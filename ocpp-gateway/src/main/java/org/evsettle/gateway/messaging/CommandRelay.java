package org.evsettle.gateway.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.EnvelopeDeserializer;
import org.evsettle.events.ocpp.ChargerCommandAnswered;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.gateway.ChargerCommands;
import org.evsettle.gateway.GatewayReplica;

/**
 * Every replica's view of the command traffic: reads all partitions of {@code ocpp.commands} (the
 * commands, so that the replica holding a socket executes them) and of {@code ocpp.events} (only the
 * command answers, told apart by their {@code ce_type} header before anything is deserialized, so
 * that a forwarded API request learns its outcome). It starts at the end of both topics (a command
 * older than the replica is not its business), assigns partitions itself and never commits: every
 * replica needs every record.
 */
@ApplicationScoped
public class CommandRelay {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final String CE_TYPE = "ce_type";
    private static final String REQUESTED = EventCatalog.CHARGER_COMMAND_REQUESTED.ceType();
    private static final String ANSWERED = EventCatalog.CHARGER_COMMAND_ANSWERED.ceType();

    private final ChargerCommands commands;
    private final String bootstrapServers;
    private final GatewayReplica replica;
    private final EnvelopeDeserializer envelopes = new EnvelopeDeserializer();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public CommandRelay(ChargerCommands commands, GatewayReplica replica,
                        @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.commands = commands;
        this.replica = replica;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::relay, "command-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the relay reads its topics (a command published before that is not seen). */
    public boolean awaitAssigned(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void relay() {
        try (KafkaConsumer<String, byte[]> kafka =
                     new KafkaConsumer<>(config(), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = partitions(kafka);
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            partitions.forEach(kafka::position); // fixes the start now, not at the first poll
            assigned.countDown();
            Log.infof("Relaying commands for replica %s from %d partitions", replica.id(), partitions.size());
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                        handle(record);
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    Log.warnf("Reading commands failed, retrying: %s", e.toString());
                    pause();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                Log.error("The command relay was woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            Log.error("The command relay stopped; commands for this replica's chargers are not executed", e);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CE_TYPE);
        String type = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        if (!REQUESTED.equals(type) && !ANSWERED.equals(type)) {
            return;
        }
        try {
            Envelope<?> envelope = envelopes.deserialize(record.topic(), record.headers(), record.value());
            if (envelope.data() instanceof ChargerCommandRequested requested) {
                commands.requested(requested);
            } else if (envelope.data() instanceof ChargerCommandAnswered answered) {
                commands.answered(answered);
            } else {
                Log.warnf("Skipped an unreadable %s at %s-%d@%d", type, record.topic(), record.partition(),
                        record.offset());
            }
        } catch (RuntimeException e) {
            Log.warnf("Could not handle %s at %s-%d@%d: %s", type, record.topic(), record.partition(),
                    record.offset(), e.toString());
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (true) {
            try {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(Topics.OCPP_COMMANDS, Topics.OCPP_EVENTS)) {
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
                Log.warnf("Waiting for the command topics: %s", e.toString());
                pause();
            }
        }
    }

    private void pause() {
        if (!running) {
            throw new WakeupException();
        }
        try {
            Thread.sleep(2_000); // a plain thread of our own, not a worker or event loop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ocpp-gateway-commands-" + replica.id());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return config;
    }
}
