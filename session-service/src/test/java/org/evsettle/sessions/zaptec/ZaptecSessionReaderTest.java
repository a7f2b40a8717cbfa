package org.evsettle.sessions.zaptec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.evsettle.kit.api.Problem;
import org.junit.jupiter.api.Test;

/** Zaptec's sessions read field by field: its times without an offset are UTC, energy exact, every problem named. */
class ZaptecSessionReaderTest {

    private static ZaptecSessionReader.Raw raw(String start, String end, String energy,
                                               List<ZaptecSessionReader.RawDetail> details) {
        return new ZaptecSessionReader.Raw(7, "s-1", null, "ZCS000143", null, start, end, energy, null, null, null,
                null, details);
    }

    @Test
    void readsZaptecTimesWithoutAnOffsetAsUtcAndTheEnergyExactly() {
        List<Problem.Violation> violations = new ArrayList<>();
        ZaptecSession session = ZaptecSessionReader.check(raw("2026-01-05T18:04:11.27", "2026-01-05T20:10:00+01:00",
                "12.3456", List.of(new ZaptecSessionReader.RawDetail("2026-01-05T19:00:00", "1.5"),
                        new ZaptecSessionReader.RawDetail("2026-01-05T18:00:00", "10.8456"))), violations).orElseThrow();
        assertThat(violations).isEmpty();
        assertThat(session.startDateTime()).isEqualTo(Instant.parse("2026-01-05T18:04:11.270Z"));
        assertThat(session.endDateTime()).isEqualTo(Instant.parse("2026-01-05T19:10:00Z"));
        assertThat(session.energyKwh()).isEqualTo(new BigDecimal("12.3456"));
        assertThat(session.energyWh()).isEqualTo(12_346);
        assertThat(session.energyDetails()).extracting(ZaptecSession.EnergyDetail::timestamp)
                .containsExactly(Instant.parse("2026-01-05T18:00:00Z"), Instant.parse("2026-01-05T19:00:00Z"));
    }

    @Test
    void namesEveryBrokenFieldByLineAndZaptecsName() {
        List<Problem.Violation> violations = new ArrayList<>();
        assertThat(ZaptecSessionReader.check(new ZaptecSessionReader.Raw(7, " ", null, null, null, "yesterday",
                "2026-01-05T20:10:00Z", "-0.5", null, null, null, null,
                List.of(new ZaptecSessionReader.RawDetail(null, "1"))), violations)).isEmpty();
        assertThat(violations).extracting(Problem.Violation::field).containsExactly("line[7].Id", "line[7].ChargerId",
                "line[7].StartDateTime", "line[7].Energy", "line[7].EnergyDetails[0].Timestamp");
    }

    @Test
    void aChangeOfTheDetailsChangesTheFingerprintButTrailingZerosDoNot() {
        List<Problem.Violation> violations = new ArrayList<>();
        ZaptecSession a = ZaptecSessionReader.check(raw("2026-01-05T18:00:00Z", "2026-01-05T19:00:00Z", "5.000",
                List.of(new ZaptecSessionReader.RawDetail("2026-01-05T18:00:00Z", "5.0"))), violations).orElseThrow();
        ZaptecSession same = ZaptecSessionReader.check(raw("2026-01-05T18:00:00Z", "2026-01-05T19:00:00Z", "5",
                List.of(new ZaptecSessionReader.RawDetail("2026-01-05T18:00:00Z", "5.00"))), violations).orElseThrow();
        ZaptecSession other = ZaptecSessionReader.check(raw("2026-01-05T18:00:00Z", "2026-01-05T19:00:00Z", "5",
                List.of(new ZaptecSessionReader.RawDetail("2026-01-05T18:30:00Z", "5"))), violations).orElseThrow();
        assertThat(a.fingerprint()).isEqualTo(same.fingerprint()).isNotEqualTo(other.fingerprint());
    }
}
