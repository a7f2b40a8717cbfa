package org.evsettle.tariffs.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.EnvelopeDeserializer;
import org.evsettle.events.kafka.EnvelopeSerializer;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.outbox.Outbox;
import org.evsettle.tariffs.PricingEngine;
import org.evsettle.tariffs.SessionPrice;
import org.evsettle.tariffs.Tariff;
import org.evsettle.tariffs.TariffComponent;
import org.evsettle.tariffs.TariffVersion;
import org.evsettle.tariffs.messaging.PricePublisher;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End-to-end pricing throughput, not a test (run by {@code -Pbenchmark} only): after an untimed
 * warm-up of the same path ({@code benchmark.warm-up} sessions, a fifth of N unless given), publishes N
 * SessionCompleted (30 samples each, the JMH workload) to sessions.events and times until N
 * SessionPriced are on tariffs.events, through the running service with its real Kafka consumer,
 * PostgreSQL transactions and outbox relay. Target: 2,000 sessions per second. It also reports when the
 * last price was stored and how many outbox rows waited for the relay at most, which tells whether the
 * service or the relay sets the pace; then it times the relay alone, from N prices stored in the outbox to
 * all of them on tariffs.events.
 */
@QuarkusTest
@TestProfile(EndToEndPricingBenchmark.Quiet.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(InfrastructureResource.class)
class EndToEndPricingBenchmark {

    /** A line per priced session would time the console, not the service. */
    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"org.evsettle\".level", "WARN");
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Test
    @Order(1)
    void pricesSessionsThroughKafka() throws IOException {
        int count = Integer.getInteger("benchmark.sessions", 2_000);
        int warmUp = Integer.getInteger("benchmark.warm-up", count / 5);
        String bootstrap = InfrastructureResource.stack().kafka().bootstrapServers();

        try (KafkaConsumer<String, Envelope<?>> prices = pricesFromNow(bootstrap);
             KafkaProducer<String, Envelope<?>> producer = producer(bootstrap)) {
            // the same path, untimed, until the JIT has compiled it: the figure is the service's pace, not its warm-up
            if (warmUp > 0) {
                Run warm = priceThroughKafka(warmUp, prices, producer);
                assertThat(warm.progress().priced()).hasSize(warmUp);
                System.out.printf(java.util.Locale.ROOT, "warm-up: %d sessions in %.2f s, not counted%n", warmUp,
                        warm.seconds());
            }
            Run run = priceThroughKafka(count, prices, producer);
            Progress progress = run.progress();
            String result = String.format(java.util.Locale.ROOT,
                    "end-to-end: %d sessions priced through Kafka in %.2f s (published in %.2f s): %.0f sessions/s"
                            + " (after a warm-up of %d)%n"
                            + "  all stored by %.2f s (%.0f sessions/s); outbox rows waiting for the relay: at most %d%n",
                    progress.priced().size(), run.seconds(), run.publishedSeconds(),
                    progress.priced().size() / run.seconds(), warmUp,
                    run.storedSeconds(), count / run.storedSeconds(), progress.mostWaiting());
            System.out.print(result);
            Files.writeString(Path.of("target", "end-to-end-pricing.txt"), result);
            assertThat(progress.priced()).hasSize(count);
        }
    }

    /** One timed pass: count sessions of a new operator published, then read back priced. */
    private record Run(Progress progress, long started, long published, long finished) {

        double seconds() {
            return (finished - started) / 1e9;
        }

        double publishedSeconds() {
            return (published - started) / 1e9;
        }

        double storedSeconds() {
            return (progress.storedAt() - started) / 1e9;
        }
    }

    private Run priceThroughKafka(int count, KafkaConsumer<String, Envelope<?>> prices,
                                  KafkaProducer<String, Envelope<?>> producer) {
        UUID operatorId = UUID.randomUUID();
        createTariff(operatorId);
        List<SessionCompleted> sessions = BenchmarkSessions.sessions(count, System.nanoTime(), operatorId);
        long started = System.nanoTime();
        for (SessionCompleted session : sessions) {
            Envelope<SessionCompleted> envelope = Envelope.of("session-service", session);
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.subject(), envelope));
        }
        producer.flush();
        long published = System.nanoTime();
        Progress progress = awaitPrices(prices, operatorId, count, Duration.ofSeconds(Math.max(120, count / 100)));
        return new Run(progress, started, published, System.nanoTime());
    }

    /** The outbox relay alone: N prices stored in the outbox in one transaction, timed until all are on Kafka. */
    @Test
    @Order(2)
    void relaysStoredPricesToKafka() throws IOException {
        int count = Integer.getInteger("benchmark.sessions", 2_000);
        UUID operatorId = UUID.randomUUID();
        TariffVersion version = new Tariff().addVersion(Instant.parse("2025-01-01T00:00:00Z"), new BigDecimal("0.21"),
                ZoneId.of("Europe/Amsterdam"), BenchmarkSessions.components());
        version.tariff.id = UUID.randomUUID();
        version.tariff.currency = "EUR";
        List<Envelope<SessionPriced>> prices = BenchmarkSessions.sessions(count, System.nanoTime(), operatorId).stream()
                .map(session -> SessionPrice.of(session, 0, version, PricingEngine.price(session, version.terms())))
                .map(price -> Envelope.of(PricePublisher.SOURCE, price.toEvent()))
                .toList();
        String bootstrap = InfrastructureResource.stack().kafka().bootstrapServers();

        try (KafkaConsumer<String, Envelope<?>> topic = pricesFromNow(bootstrap)) {
            QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(prices));
            long committed = System.nanoTime();
            Progress progress = awaitPrices(topic, operatorId, count, Duration.ofSeconds(Math.max(120, count / 100)));
            double seconds = (System.nanoTime() - committed) / 1e9;
            String result = String.format(java.util.Locale.ROOT,
                    "outbox relay: %d stored prices on tariffs.events in %.2f s: %.0f events/s%n",
                    progress.priced().size(), seconds, progress.priced().size() / seconds);
            System.out.print(result);
            Files.writeString(Path.of("target", "end-to-end-pricing.txt"), result, StandardOpenOption.APPEND);
            assertThat(progress.priced()).hasSize(count);
        }
    }

    private static void createTariff(UUID operatorId) {
        List<Map<String, Object>> components = BenchmarkSessions.components().stream()
                .map(EndToEndPricingBenchmark::asJson).toList();
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).contentType(ContentType.JSON)
                .body(Map.of("name", "Benchmark", "effectiveFrom", "2025-01-01T00:00:00Z", "components", components))
                .post("/api/operators/{o}/tariffs", operatorId)
                .then().statusCode(201);
    }

    private static Map<String, Object> asJson(TariffComponent component) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", component.type().name());
        json.put("unitPrice", component.unitPrice().toPlainString());
        if (component.restrictions() != null) {
            json.put("restrictions", Map.of(
                    "startTime", component.restrictions().startTime().toString(),
                    "endTime", component.restrictions().endTime().toString(),
                    "daysOfWeek", component.restrictions().daysOfWeek().stream().map(Enum::name).toList()));
        }
        return json;
    }

    /** The prices seen on tariffs.events; when the last price was stored; the outbox's largest backlog. */
    private record Progress(Set<UUID> priced, long storedAt, long mostWaiting) {
    }

    /**
     * Reads the prices off tariffs.events until all are there; twice a second it also counts the stored
     * prices and the outbox rows not yet relayed, which tells the service's pace from the relay's.
     */
    private Progress awaitPrices(KafkaConsumer<String, Envelope<?>> prices, UUID operatorId, int count,
                                 Duration within) {
        Set<UUID> priced = new HashSet<>();
        long deadline = System.nanoTime() + within.toNanos();
        long nextCount = 0;
        long storedAt = 0;
        long mostWaiting = 0;
        while (priced.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, Envelope<?>> record : prices.poll(Duration.ofMillis(100))) {
                if (record.value() != null && record.value().data() instanceof SessionPriced price
                        && operatorId.equals(price.operatorId())) {
                    priced.add(price.sessionId());
                }
            }
            if (System.nanoTime() >= nextCount) {
                nextCount = System.nanoTime() + 500_000_000L;
                mostWaiting = Math.max(mostWaiting, count("SELECT count(*) FROM outbox_event"));
                if (storedAt == 0 && count("SELECT count(*) FROM session_price WHERE operator_id = '" + operatorId
                        + "'") == count) {
                    storedAt = System.nanoTime();
                }
            }
        }
        if (priced.size() < count) {
            Log.warnf("Only %d of %d sessions were priced within %s", priced.size(), count, within);
        }
        return new Progress(priced, storedAt == 0 ? System.nanoTime() : storedAt, mostWaiting);
    }

    private long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reader of tariffs.events positioned at its end, so that it sees only what is priced from now on. */
    private static KafkaConsumer<String, Envelope<?>> pricesFromNow(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        KafkaConsumer<String, Envelope<?>> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new EnvelopeDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TARIFFS_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static KafkaProducer<String, Envelope<?>> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        return new KafkaProducer<>(config, new StringSerializer(), new EnvelopeSerializer());
    }
}
