package org.evsettle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.evsettle.events.kafka.CloudEventHeaders;
import org.evsettle.events.kafka.EnvelopeDeserializer;
import org.evsettle.events.kafka.EnvelopeRecords;
import org.evsettle.events.kafka.EnvelopeSerializer;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.events.sessions.SessionCompleted;
import org.junit.jupiter.api.Test;

/** The Kafka binary-mode binding: attributes in ce_* headers, record as JSON value, both ways. */
class CloudEventsBindingTest {

    private final EnvelopeSerializer serializer = new EnvelopeSerializer();
    private final EnvelopeDeserializer deserializer = new EnvelopeDeserializer();

    @Test
    void writesTheCloudEventsAttributesAsHeaders() {
        SessionCompleted session = (SessionCompleted) EventSamples.all().stream()
                .filter(SessionCompleted.class::isInstance).findFirst().orElseThrow();
        UUID id = UUID.fromString("8b1e0c3a-0d4f-4a6b-9c7d-0e1f2a3b4c5d");
        Envelope<SessionCompleted> envelope =
                Envelope.of(id, "session-service", session, Instant.parse("2026-03-29T02:16:00.123456789Z"));
        Headers headers = new RecordHeaders();

        serializer.serialize(Topics.SESSIONS_EVENTS, headers, envelope);

        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_id")).isEqualTo("8b1e0c3a-0d4f-4a6b-9c7d-0e1f2a3b4c5d");
        assertThat(header(headers, "ce_type")).isEqualTo("evsettle.sessions.session-completed.v1");
        assertThat(header(headers, "ce_source")).isEqualTo("session-service");
        assertThat(header(headers, "ce_subject")).isEqualTo("5081bc4e-6f70-5192-a3a4-c5d6e7f80906");
        assertThat(header(headers, "ce_time")).isEqualTo("2026-03-29T02:16:00.123456Z");
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
        assertThat(envelope.topic()).isEqualTo("sessions.events");
    }

    @Test
    void readsBackTheSameEnvelope() {
        for (Event sample : EventSamples.all()) {
            Envelope<Event> sent = Envelope.of("test", sample);
            Headers headers = new RecordHeaders();
            byte[] value = serializer.serialize(sent.topic(), headers, sent);

            Envelope<?> received = deserializer.deserialize(sent.topic(), headers, value);

            assertThat(received).isEqualTo(sent);
        }
    }

    @Test
    void carriesATombstoneWithItsAttributesAndNoValue() {
        Envelope<SiteRecord> tombstone = Envelope.tombstone(EventCatalog.SITE, "user-service", "site-1");
        Headers headers = new RecordHeaders();

        byte[] value = serializer.serialize(Topics.REGISTRY_SITES, headers, tombstone);
        // the consumer gets a null value: Kafka does not deserialize a record without one
        Envelope<?> received = EnvelopeRecords.of(new ConsumerRecord<>(Topics.REGISTRY_SITES, 0, 7L, 0L,
                TimestampType.CREATE_TIME, 0, 0, "site-1", null, headers, Optional.empty()));

        assertThat(value).isNull();
        assertThat(received).isEqualTo(tombstone);
        assertThat(received.isTombstone()).isTrue();
    }

    @Test
    void namesAHeaderlessTombstoneByItsPlaceInTheLog() {
        ConsumerRecord<String, Envelope<?>> bare = new ConsumerRecord<>(Topics.REGISTRY_SITES, 2, 41L, "site-1", null);

        Envelope<?> first = EnvelopeRecords.of(bare);
        Envelope<?> again = EnvelopeRecords.of(bare);

        assertThat(first.id()).isEqualTo(again.id());
        assertThat(first.subject()).isEqualTo("site-1");
        assertThat(first.isTombstone()).isTrue();
    }

    @Test
    void passesARecordWithAValueThrough() {
        Envelope<SiteRecord> sent = Envelope.of("test", (SiteRecord) EventSamples.all().stream()
                .filter(SiteRecord.class::isInstance).findFirst().orElseThrow());

        assertThat(EnvelopeRecords.of(new ConsumerRecord<>(Topics.REGISTRY_SITES, 0, 1L, sent.subject(), sent)))
                .isSameAs(sent);
    }

    @Test
    void turnsAnUnknownTypeIntoAnUnknownEventInsteadOfFailing() {
        Headers headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, "evsettle.sessions.session-teleported.v9".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, "s-1".getBytes(StandardCharsets.UTF_8));

        Envelope<?> received = deserializer.deserialize(Topics.SESSIONS_EVENTS, headers, "{}".getBytes());

        assertThat(received.data()).isEqualTo(
                new UnknownEvent("s-1", "evsettle.sessions.session-teleported.v9", "unknown event type"));
    }

    @Test
    void turnsUnreadableJsonIntoAnUnknownEventInsteadOfFailing() {
        Envelope<SiteRecord> sent = Envelope.of("test", (SiteRecord) EventSamples.all().stream()
                .filter(SiteRecord.class::isInstance).findFirst().orElseThrow());
        Headers headers = new RecordHeaders();
        serializer.serialize(Topics.REGISTRY_SITES, headers, sent);

        Envelope<?> received = deserializer.deserialize(Topics.REGISTRY_SITES, headers, "{not json".getBytes());

        assertThat(received.data()).isInstanceOf(UnknownEvent.class);
        assertThat(received.subject()).isEqualTo(sent.subject());
    }

    private static String header(Headers headers, String name) {
        return CloudEventHeaders.get(headers, name);
    }
}
