package org.evsettle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    private static final long YEAR_ZERO = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void writesWhatInstantToStringWritesAndReadsItBack() {
        SplittableRandom random = new SplittableRandom(20261129);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(YEAR_ZERO - 86_400L * 400, YEAR_10000 + 86_400L * 400);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            String text = IsoInstants.format(instant);
            assertThat(text).isEqualTo(instant.toString());
            if (seconds >= YEAR_ZERO && seconds < YEAR_10000) {
                assertThat(IsoInstants.parseCommonForm(text)).isEqualTo(instant);
            }
        }
    }

    @Test
    void readsOffsetsAndShortFractionsAsTheStandardParserDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, YEAR_10000 - 86_400L * 2),
                    random.nextInt(1_000_000_000));
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            String text = OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
                    .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss" + ".SSSSSSSSS".substring(0,
                            1 + random.nextInt(10)).replaceAll("^\\.$", "") + "xxx"));
            assertThat(IsoInstants.parseCommonForm(text)).as(text)
                    .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-29t01:00:00Z", "2026-03-29T01:00:00z", "2016-12-31T23:59:60Z",
            "2026-03-29T01:00Z", "2026-03-29T01:00:00.Z", "2026-03-29T01:00:00.1234567890Z", "2026-02-30T01:00:00Z",
            "2026-03-29T24:00:00Z", "2026-03-29T01:00:00+0100", "2026-03-29T01:00:00+01", "+12026-03-29T01:00:00Z",
            " 2026-03-29T01:00:00Z", "2026-03-29T01:00:00", "2026-13-29T01:00:00Z", "2026-03-29T01:00:00+19:00"})
    void leavesEveryOtherFormToTheStandardReader(String text) {
        assertThat(IsoInstants.parseCommonForm(text)).isNull();
    }

    @Test
    void theEventMapperUsesItAndStillReadsWhatTheStandardReaderReads() throws Exception {
        var mapper = EventJson.mapper();
        assertThat(mapper.writeValueAsString(Instant.parse("2026-10-25T01:30:00.120Z")))
                .isEqualTo("\"2026-10-25T01:30:00.120Z\"");
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(Instant.class))
                .isInstanceOf(IsoInstants.Writer.class);
        assertThat(mapper.readValue("\"2026-10-25T03:30:00+02:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        // the forms the fast path leaves alone are read as before: a lower-case t and z, a leap second, a number
        assertThat(mapper.readValue("\"2026-10-25t01:30:00z\"", Instant.class))
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        assertThat(mapper.readValue("\"2016-12-31T23:59:60Z\"", Instant.class))
                .isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
        assertThat(mapper.readValue("1790000000", Instant.class)).isEqualTo(Instant.ofEpochSecond(1_790_000_000L));
        assertThatThrownBy(() -> mapper.readValue("\"2026-02-30T01:00:00Z\"", Instant.class))
                .isInstanceOf(JsonMappingException.class);
    }
}
