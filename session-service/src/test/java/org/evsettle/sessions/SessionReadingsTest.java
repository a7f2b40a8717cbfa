package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.evsettle.events.sessions.EnergyReading;
import org.junit.jupiter.api.Test;

class SessionReadingsTest {

    private static final Instant START = Instant.parse("2026-01-31T22:50:00Z");
    private static final Instant STOP = Instant.parse("2026-01-31T23:40:00Z");

    private static EnergyReading at(String minute, long wh) {
        return new EnergyReading(Instant.parse("2026-01-31T" + minute + ":00Z"), wh);
    }

    @Test
    void putsSamplesBetweenStartAndStopInTimeOrder() {
        List<EnergyReading> readings = SessionReadings.of(new EnergyReading(START, 1_000),
                List.of(at("23:30", 4_000), at("23:00", 2_000), at("23:15", 3_000)), new EnergyReading(STOP, 5_000));

        assertThat(readings).containsExactly(new EnergyReading(START, 1_000), at("23:00", 2_000), at("23:15", 3_000),
                at("23:30", 4_000), new EnergyReading(STOP, 5_000));
    }

    @Test
    void keepsTheTransactionsOwnReadingsAtTheStartAndStopInstants() {
        List<EnergyReading> readings = SessionReadings.of(new EnergyReading(START, 1_000),
                List.of(new EnergyReading(START, 999), at("23:10", 2_000), new EnergyReading(STOP, 5_001)),
                new EnergyReading(STOP, 5_000));

        assertThat(readings).containsExactly(new EnergyReading(START, 1_000), at("23:10", 2_000),
                new EnergyReading(STOP, 5_000));
    }

    @Test
    void leavesOutSamplesTakenOutsideTheSession() {
        List<EnergyReading> readings = SessionReadings.of(new EnergyReading(START, 1_000),
                List.of(at("22:40", 900), at("23:10", 2_000), at("23:50", 5_200)), new EnergyReading(STOP, 5_000));

        assertThat(readings).extracting(EnergyReading::registerWh).containsExactly(1_000L, 2_000L, 5_000L);
    }

    @Test
    void givesStartAndStopWhenNothingWasSampled() {
        assertThat(SessionReadings.of(new EnergyReading(START, 1_000), List.of(), new EnergyReading(STOP, 1_000)))
                .containsExactly(new EnergyReading(START, 1_000), new EnergyReading(STOP, 1_000));
    }
}
