package org.evsettle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.evsettle.events.kafka.CloudEventHeaders;
import org.evsettle.events.kafka.EnvelopeDeserializer;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.OperatorRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the wire format: each catalogued event must write exactly its golden JSON and read back
 * equal. A deliberate, additive change updates the golden files with
 * {@code ./mvnw -pl events test -Devents.golden.update=true}; review the diff before committing.
 */
class EventWireFormatTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    static Stream<Event> samples() {
        return EventSamples.all().stream();
    }

    @Test
    void everyCataloguedTypeHasASample() {
        assertThat(EventSamples.all().stream().map(e -> EventCatalog.of(e).ceType()))
                .containsExactlyInAnyOrderElementsOf(EventCatalog.ALL.stream().map(EventType::ceType).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void writesExactlyTheGoldenJson(Event sample) throws IOException {
        String ceType = EventCatalog.of(sample).ceType();
        JsonNode written = JSON.readTree(JSON.writeValueAsBytes(sample));
        if (Boolean.getBoolean("events.golden.update")) {
            Path file = Path.of("src/test/resources/golden", ceType + ".json");
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(written) + "\n");
        }
        assertThat(written).isEqualTo(golden(ceType));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void readsTheGoldenJsonBackToTheSameRecord(Event sample) throws IOException {
        EventType<?> type = EventCatalog.of(sample);
        Event read = JSON.treeToValue(golden(type.ceType()), type.dataClass());
        assertThat(read).isEqualTo(sample);
    }

    @Test
    void ignoresFieldsAddedByANewerProducer() throws IOException {
        JsonNode golden = golden(EventCatalog.SITE.ceType());
        ((ObjectNode) golden).put("openingHours", "24/7");
        assertThat(JSON.treeToValue(golden, EventCatalog.SITE.dataClass()).name()).isEqualTo("Parkeergarage Lindelaan");
    }

    @Test
    void readsAnOperatorRecordPublishedBeforeRoamingAsOwnCardsAtOwnChargersOnly() throws IOException {
        ObjectNode old = (ObjectNode) golden(EventCatalog.OPERATOR.ceType());
        old.remove(List.of("cardsValidAt", "acceptsCardsOf"));
        ObjectNode nulls = old.deepCopy();
        nulls.putNull("cardsValidAt");
        nulls.putNull("acceptsCardsOf");

        for (ObjectNode json : List.of(old, nulls)) {
            OperatorRecord read = JSON.treeToValue(json, OperatorRecord.class);
            assertThat(read.cardsValidAt()).isEmpty();
            assertThat(read.acceptsCardsOf()).isEmpty();
            assertThat(read.legalName()).isEqualTo("Woonstichting De Linde");
            assertThat(read.issuesStatements()).isFalse();
        }
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(UUID.randomUUID(), EventCatalog.OPERATOR.ceType(), "user-service",
                EventSamples.OPERATOR.toString(), Instant.now(), true, headers);
        Envelope<?> fromTheWire = new EnvelopeDeserializer().deserialize(Topics.REGISTRY_OPERATORS, headers,
                JSON.writeValueAsBytes(old));
        assertThat(fromTheWire.data()).isInstanceOfSatisfying(OperatorRecord.class,
                read -> assertThat(read.acceptsCardsOf()).isEmpty());
    }

    @Test
    void readsRecordsPublishedBeforeAnnouncementsAndPasswordOriginsAsBefore() throws IOException {
        ObjectNode operator = (ObjectNode) golden(EventCatalog.OPERATOR.ceType());
        operator.remove(List.of("announcedChargePointIds", "enrollsAnnouncedOnly"));
        OperatorRecord oldOperator = JSON.treeToValue(operator, OperatorRecord.class);
        assertThat(oldOperator.announcedChargePointIds()).isEmpty();
        assertThat(oldOperator.enrollsAnnouncedOnly()).isFalse();

        ObjectNode charger = (ObjectNode) golden(EventCatalog.CHARGER.ceType());
        charger.remove("ocppPasswordOrigin");
        ChargerRecord active = JSON.treeToValue(charger, ChargerRecord.class);
        assertThat(active.ocppPasswordOrigin()).isNull();
        assertThat(active.onEnrollmentKey()).isFalse();
        charger.put("status", "PENDING_APPROVAL");
        // before origins were carried, only an enrollment made a pending charger: it still presents the key
        assertThat(JSON.treeToValue(charger, ChargerRecord.class).onEnrollmentKey()).isTrue();
        assertThat(JSON.writeValueAsString(active)).doesNotContain("onEnrollmentKey");
    }

    @Test
    void readsAChargerRecordPublishedBeforeAliasesAsKnownByItsIdAlone() throws IOException {
        ObjectNode charger = (ObjectNode) golden(EventCatalog.CHARGER.ceType());
        assertThat(JSON.treeToValue(charger, ChargerRecord.class).aliases()).containsExactly("ZAP-LEGACY-4711");

        charger.remove("aliases");
        assertThat(JSON.treeToValue(charger, ChargerRecord.class).aliases()).isEmpty();
        charger.putNull("aliases");
        assertThat(JSON.treeToValue(charger, ChargerRecord.class).aliases()).isEmpty();
    }

    @Test
    void readsAnOperatorRecordPublishedBeforeChargerSettingsWithTheDefaults() throws IOException {
        ObjectNode operator = (ObjectNode) golden(EventCatalog.OPERATOR.ceType());
        operator.remove("chargerSettings");
        OperatorRecord old = JSON.treeToValue(operator, OperatorRecord.class);
        assertThat(old.chargerSettings()).isEqualTo(ChargerSettings.DEFAULT);
        assertThat(old.chargerSettings().meterValueSampleInterval()).isEqualTo(60);
        operator.putNull("chargerSettings");
        assertThat(JSON.treeToValue(operator, OperatorRecord.class).chargerSettings()).isEqualTo(ChargerSettings.DEFAULT);
    }

    private static JsonNode golden(String ceType) throws IOException {
        try (InputStream in = EventWireFormatTest.class.getResourceAsStream("/golden/" + ceType + ".json")) {
            if (in == null) {
                return fail("No golden sample /golden/%s.json", ceType);
            }
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
