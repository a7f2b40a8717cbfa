package org.evsettle.tariffs.benchmark;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
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
import org.evsettle.tariffs.TariffComponent;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * End-to-end pricing throughput, not a test (run by {@code -Pbenchmark} only): publishes N
 * SessionCompleted (30 samples each, the JMH workload) to sessions.events and times until N
 * SessionPriced are on tariffs.events, through the running service with its real Kafka consumer,
 * PostgreSQL transactions and outbox relay. Target: 2,000 sessions per second.
 */
@QuarkusTest
@TestProfile(EndToEndPricingBenchmark.Quiet.class)
@WithTestResource(InfrastructureResource.class)
class EndToEndPricingBenchmark {

    /** A line per priced session would time the console, not the service. */
    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"org.evsettle\".level", "WARN");
        }
    }

    @Test
    void pricesSessionsThroughKafka() throws IOException {
        int count = Integer.getInteger("benchmark.sessions", 2_000);
        UUID operatorId = UUID.randomUUID();
        createTariff(operatorId);
        List<SessionCompleted> sessions = BenchmarkSessions.sessions(count, System.nanoTime(), operatorId);
        String bootstrap = InfrastructureResource.stack().kafka().bootstrapServers();

        try (KafkaConsumer<String, Envelope<?>> prices = pricesFromNow(bootstrap);
             KafkaProducer<String, Envelope<?>> producer = producer(bootstrap)) {
            long started = System.nanoTime();
            for (SessionCompleted session : sessions) {
                Envelope<SessionCompleted> envelope = Envelope.of("session-service", session);
                producer.send(new ProducerRecord<>(envelope.topic(), envelope.subject(), envelope));
            }
            producer.flush();
            long published = System.nanoTime();
            Set<UUID> priced = awaitPrices(prices, operatorId, count, Duration.ofSeconds(Math.max(120, count / 100)));
            long finished = System.nanoTime();

            double seconds = (finished - started) / 1e9;
            String result = String.format(java.util.Locale.ROOT,
                    "end-to-end: %d sessions priced through Kafka in %.2f s (published in %.2f s): %.0f sessions/s%n",
                    priced.size(), seconds, (published - started) / 1e9, priced.size() / seconds);
            System.out.print(result);
            Files.writeString(Path.of("target", "end-to-end-pricing.txt"), result);
            assertThat(priced).hasSize(count);
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

    private static Set<UUID> awaitPrices(KafkaConsumer<String, Envelope<?>> prices, UUID operatorId, int count,
                                         Duration within) {
        Set<UUID> priced = new HashSet<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (priced.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, Envelope<?>> record : prices.poll(Duration.ofMillis(100))) {
                if (record.value() != null && record.value().data() instanceof SessionPriced price
                        && operatorId.equals(price.operatorId())) {
                    priced.add(price.sessionId());
                }
            }
        }
        if (priced.size() < count) {
            Log.warnf("Only %d of %d sessions were priced within %s", priced.size(), count, within);
        }
        return priced;
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
