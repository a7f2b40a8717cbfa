package org.evsettle.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evsettle.events.kafka.CloudEventHeaders;

/**
 * Sends stored outbox events to Kafka in the order they were written, then deletes them: woken
 * right after each commit, and polling as a backstop (after a crash, or for rows of another
 * replica). One relay works at a time per database (an advisory lock), which keeps the order per
 * key; the producer is idempotent with acks=all, and a batch is deleted only once Kafka has it.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Any constant will do: it names the relay's lock within the service's own database. */
    private static final long RELAY_LOCK = 0x65765F6F7574626FL;

    private final AgroalDataSource dataSource;
    /** The {@code kafka.*} settings of the service's principal that the relay's own producer takes over. */
    static final List<String> CLIENT_SECURITY = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.type", "ssl.truststore.certificates", "ssl.truststore.location", "ssl.truststore.password");

    private final String applicationName;
    private final String bootstrapServers;
    private final int batchSize;
    private final Duration pollInterval;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private Producer<String, byte[]> producer;

    public OutboxRelay(AgroalDataSource dataSource,
                       @ConfigProperty(name = "quarkus.application.name") String applicationName,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "evsettle.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "evsettle.outbox.poll-interval", defaultValue = "1S") Duration pollInterval) {
        this.dataSource = dataSource;
        this.applicationName = applicationName;
        this.bootstrapServers = bootstrapServers;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
    }

    void start(@Observes StartupEvent startup) {
        producer = new KafkaProducer<>(producerConfig(ConfigProvider.getConfig()), new StringSerializer(), new ByteArraySerializer());
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "outbox-relay"));
        executor.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Relay soon: called after a transaction with outbox events commits. */
    public void wake() {
        if (executor != null && wakeQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            while (relayBatch() == batchSize) {
                // a full batch: there may be more
            }
        } catch (SQLException | ExecutionException | TimeoutException | RuntimeException e) {
            Log.warnf("Outbox relay paused, will retry: %s", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends one batch and deletes it once Kafka acknowledged every record; returns its size. */
    int relayBatch() throws SQLException, ExecutionException, TimeoutException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!lock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Long> sequence = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT seq, event_id, topic, message_key, ce_type, ce_source, ce_time, payload, headers
                        FROM outbox_event ORDER BY seq LIMIT ?""")) {
                    select.setInt(1, batchSize);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            sequence.add(rows.getLong("seq"));
                            acks.add(producer.send(record(rows)));
                        }
                    }
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(60, TimeUnit.SECONDS);
                }
                if (!sequence.isEmpty()) {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM outbox_event WHERE seq = ANY (?)")) {
                        delete.setArray(1, connection.createArrayOf("bigint", sequence.toArray()));
                        delete.executeUpdate();
                    }
                }
                connection.commit();
                return sequence.size();
            } catch (SQLException | ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** A row's record: its CloudEvents headers from its columns, or, for a forwarded record, the headers it came with. */
    private static ProducerRecord<String, byte[]> record(ResultSet row) throws SQLException {
        String key = row.getString("message_key");
        byte[] payload = row.getBytes("payload");
        String forwardedHeaders = row.getString("headers");
        RecordHeaders headers = new RecordHeaders();
        if (forwardedHeaders != null) {
            OutboxHeaders.fromJson(forwardedHeaders)
                    .forEach((name, value) -> headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        } else {
            CloudEventHeaders.write(row.getObject("event_id", UUID.class), row.getString("ce_type"),
                    row.getString("ce_source"), key, row.getTimestamp("ce_time").toInstant(), payload != null, headers);
        }
        return new ProducerRecord<>(row.getString("topic"), null, key, payload, headers);
    }

    /** The relay's producer: its own delivery settings, and the service's Kafka principal from settings. */
    Properties producerConfig(Config settings) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay");
        // the service's own Kafka principal, as its channels use it (empty on the devstack's plain broker)
        for (String key : CLIENT_SECURITY) {
            settings.getOptionalValue("kafka." + key, String.class).ifPresent(value -> config.put(key, value));
        }
        return config;
    }
}
