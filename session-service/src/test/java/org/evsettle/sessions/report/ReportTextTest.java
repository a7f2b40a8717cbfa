package org.evsettle.sessions.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportTextTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @ParameterizedTest(name = "{0} is {1} in Amsterdam")
    @CsvSource({
            "2026-01-31T23:50:00Z,     2026-02-01T00:50:00+01:00",
            "2026-03-29T00:59:59.900Z, 2026-03-29T01:59:59+01:00",
            "2026-03-29T01:00:00Z,     2026-03-29T03:00:00+02:00",
            "2026-10-25T00:30:00Z,     2026-10-25T02:30:00+02:00",
            "2026-10-25T01:30:00Z,     2026-10-25T02:30:00+01:00",
    })
    void writesTimesAsTheOperatorsLocalTimeWithItsOffset(String instant, String local) {
        assertThat(ReportText.time(Instant.parse(instant), AMSTERDAM)).isEqualTo(local);
    }

    @ParameterizedTest(name = "{0} s is {1}")
    @CsvSource({"0, 0:00:00", "59, 0:00:59", "5700, 1:35:00", "90061, 25:01:01"})
    void writesDurationsAsHoursMinutesAndSeconds(long seconds, String text) {
        assertThat(ReportText.duration(seconds)).isEqualTo(text);
    }

    @ParameterizedTest(name = "[{0}] is written [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Anna de Vries|Anna de Vries",
            "=HYPERLINK(\"x\")|'=HYPERLINK(\"x\")",
            "+31 6 1234|'+31 6 1234",
            "@SUM(A1)|'@SUM(A1)",
    })
    void defusesRegistryTextThatASpreadsheetWouldRunAsAFormula(String value, String written) {
        assertThat(ReportText.text(value)).isEqualTo(written);
    }

    @ParameterizedTest(name = "[{0}] is the cell [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|plain",
            "Kade 1, Amsterdam|\"Kade 1, Amsterdam\"",
            "the \"big\" one|\"the \"\"big\"\" one\"",
    })
    void quotesCsvCellsAsRfc4180Asks(String value, String cell) {
        assertThat(CsvReportWriter.cell(value)).isEqualTo(cell);
    }
}
