package org.evsettle.sessions.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
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

    @ParameterizedTest(name = "{0} is {2} in {1}")
    @CsvSource({
            "2026-01-15T12:00:00Z,      UTC,              2026-01-15T12:00:00Z",
            "2026-07-01T03:04:05Z,      America/New_York, 2026-06-30T23:04:05-04:00",
            "2026-01-01T00:00:00Z,      Asia/Kolkata,     2026-01-01T05:30:00+05:30",
            "1971-06-01T12:00:00Z,      Africa/Monrovia,  1971-06-01T11:15:30-00:44:30",
            "+12026-01-01T00:00:00Z,    UTC,              +12026-01-01T00:00:00Z",
    })
    void writesTimesInOtherZonesAsTheIsoFormatterDoes(String instant, String zone, String local) {
        assertThat(ReportText.time(Instant.parse(instant), ZoneId.of(zone))).isEqualTo(local)
                .isEqualTo(ReportText.LOCAL_TIME.format(ReportText.local(Instant.parse(instant), ZoneId.of(zone))));
    }

    @Test
    void writesEveryTimeOfTheseYearsAsTheIsoFormatterDoes() {
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();
        for (String zone : List.of("Europe/Amsterdam", "Europe/London", "America/Sao_Paulo", "Australia/Adelaide")) {
            for (int i = 0; i < 20_000; i++) {
                Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
                assertThat(ReportText.time(instant, ZoneId.of(zone))).as("%s in %s", instant, zone)
                        .isEqualTo(ReportText.LOCAL_TIME.format(ReportText.local(instant, ZoneId.of(zone))));
            }
        }
    }

    @ParameterizedTest(name = "{0} Wh is {1} kWh")
    @CsvSource({"0, 0.000", "7, 0.007", "12340, 12.340", "999999, 999.999", "1000050, 1000.050", "-80, -0.080",
            "-909920, -909.920"})
    void writesEnergyAsKwhWithThreeDecimals(long wh, String kwh) {
        assertThat(CsvReportWriter.kwh(wh)).isEqualTo(kwh).isEqualTo(BigDecimal.valueOf(wh, 3).toPlainString());
    }

    @ParameterizedTest(name = "{0} s is {1}")
    @CsvSource({"0, 0:00:00", "59, 0:00:59", "5700, 1:35:00", "90061, 25:01:01"})
    void writesDurationsAsHoursMinutesAndSeconds(long seconds, String text) {
        assertThat(ReportText.duration(seconds)).isEqualTo(text);
    }
}
