package org.evsettle.sessions.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.evsettle.kit.api.DomainException;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-02-14");

    @Test
    void coversTheCurrentMonthWhenNoDateIsAskedFor() {
        assertThat(ReportPeriod.of(null, null, TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")));
    }

    @Test
    void runsToTheEndOfTheMonthOfAFromDateAlone() {
        assertThat(ReportPeriod.of(LocalDate.parse("2026-01-15"), null, TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-01-31")));
    }

    @Test
    void startsAtTheFirstOfTheMonthOfAToDateAlone() {
        assertThat(ReportPeriod.of(null, LocalDate.parse("2024-02-10"), TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-10")));
    }

    @Test
    void refusesAToDateBeforeTheFromDateNamingTo() {
        assertThatThrownBy(() -> ReportPeriod.of(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-01"), TODAY))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).violations().get(0).field()).isEqualTo("to"));
    }
}
