package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.SessionWaits.PATIENCE;
import static org.evsettle.sessions.SessionWaits.awaitStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.CloudEventHeaders;
import org.evsettle.events.kafka.EnvelopeSerializer;
import org.evsettle.outbox.consumer.EventDelivery;
import org.evsettle.sessions.messaging.OcppEventsConsumer;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the failure policy does with charger events this service cannot apply: a record in a poll is
 * quarantined alone (row and dead-letter topic), and the rest of the poll is assembled as if it were not
 * there. The polls are handed to the policy as the channel hands them, with records made here.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ChargerEventFailuresTest {

    private static final Instant T0 = Instant.parse("2026-02-20T18:00:00Z");
    private static final EnvelopeSerializer SERIALIZER = new EnvelopeSerializer();

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @Inject
    EventDelivery delivery;
    @Inject
    OcppEventsConsumer consumer;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    @Test
    void quarantinesAnUnreadableRecordOfAPollAndAssemblesTheOthers() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        UUID unreadable = UUID.randomUUID();
        long offset = firstOffset();

        delivery.deliverAll(consumer, List.of(
                record(offset, tx.started(2_000_000, T0)),
                raw(offset + 1, tx.chargePointId, unreadable, EventCatalog.METER_VALUES_SAMPLED.ceType(),
                        "{\"chargePointId\": \"not json".getBytes(StandardCharsets.UTF_8)),
                record(offset + 2, tx.stopped(2_007_000, T0.plus(Duration.ofMinutes(50))))));

        assertThat(session(tx).status).isEqualTo(SessionStatus.COMPLETED);
        assertThat(session(tx).energyWh).isEqualTo(7_000);
        assertThat(quarantined(unreadable)).startsWith("unreadable " + EventCatalog.METER_VALUES_SAMPLED.ceType());
    }

    @Test
    void quarantinesARecordWithoutAValueAndAppliesTheRestOfThePollOneByOne() {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        UUID tombstone = UUID.randomUUID();
        long offset = firstOffset();

        delivery.deliverAll(consumer, List.of(
                record(offset, tx.started(300_000, T0)),
                raw(offset + 1, tx.chargePointId, tombstone, EventCatalog.TRANSACTION_STOPPED.ceType(), null),
                record(offset + 2, tx.sampled(T0.plus(Duration.ofMinutes(10)), "301.5", "kWh")),
                record(offset + 3, tx.stopped(303_000, T0.plus(Duration.ofMinutes(20))))));

        assertThat(session(tx).status).isEqualTo(SessionStatus.COMPLETED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> MeterSample.of(tx.sessionId()))).hasSize(1);
        assertThat(quarantined(tombstone)).contains("carries no tombstones");
    }

    @Test
    void quarantinesAnUnreadableRecordOnTheTopicAndGoesOnWithItsCharger() throws Exception {
        ChargerReports tx = aTransaction(accepted(UUID.randomUUID(), UUID.randomUUID()));
        UUID unreadable = UUID.randomUUID();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureResource.stack().kafka().bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            RecordHeaders headers = new RecordHeaders();
            CloudEventHeaders.write(unreadable, "evsettle.ocpp.no-such-event.v1", ChargerReports.GATEWAY,
                    tx.chargePointId, T0, true, headers);
            producer.send(new ProducerRecord<>(Topics.OCPP_EVENTS, null, tx.chargePointId,
                    "{}".getBytes(StandardCharsets.UTF_8), headers)).get(30, TimeUnit.SECONDS);
        }
        topics.publish(tx.started(100_000, T0));
        topics.publish(tx.stopped(104_000, T0.plus(Duration.ofMinutes(30))));

        awaitStatus(tx.sessionId(), SessionStatus.COMPLETED);
        await().atMost(PATIENCE).until(() -> quarantinedCount(unreadable) == 1);
        assertThat(quarantined(unreadable)).startsWith("unreadable");
    }

    /** A place on ocpp.events far beyond what the tests publish, so that records made here never meet real ones. */
    private static long firstOffset() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }

    private static ConsumerRecord<String, byte[]> record(long offset, Envelope<?> envelope) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = SERIALIZER.serialize(Topics.OCPP_EVENTS, headers, envelope);
        return new ConsumerRecord<>(Topics.OCPP_EVENTS, 0, offset, envelope.time().toEpochMilli(),
                TimestampType.CREATE_TIME, -1, value.length, envelope.subject(), value, headers, Optional.empty());
    }

    /** A record as it may come from a faulty producer: CloudEvents headers, and any value (null: none). */
    private static ConsumerRecord<String, byte[]> raw(long offset, String key, UUID id, String ceType, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(id, ceType, ChargerReports.GATEWAY, key, T0, value != null, headers);
        return new ConsumerRecord<>(Topics.OCPP_EVENTS, 0, offset, T0.toEpochMilli(), TimestampType.CREATE_TIME, -1,
                value == null ? -1 : value.length, key, value, headers, Optional.empty());
    }

    private static ChargingSession session(ChargerReports tx) {
        return QuarkusTransaction.requiringNew().call(() -> ChargingSession.findById(tx.sessionId()));
    }

    /** The reason the charger events' consumer quarantined the event for. */
    private String quarantined(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "SELECT reason FROM quarantined_event WHERE consumer = ?1 AND event_id = ?2 AND status = 'QUARANTINED'")
                .setParameter(1, OcppEventsConsumer.NAME).setParameter(2, eventId).getSingleResult());
    }

    private long quarantinedCount(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM quarantined_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, OcppEventsConsumer.NAME).setParameter(2, eventId).getSingleResult()).longValue());
    }
}
