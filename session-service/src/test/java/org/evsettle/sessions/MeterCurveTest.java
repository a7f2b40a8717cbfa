package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.sessions.MeterCurve.Point;
import org.junit.jupiter.api.Test;

class MeterCurveTest {

    private static final Instant START = Instant.parse("2026-03-10T08:00:00Z");
    private static final Instant STOP = Instant.parse("2026-03-10T09:00:00Z");

    private static EnergyReading at(int minute, long wh) {
        return new EnergyReading(START.plus(Duration.ofMinutes(minute)), wh);
    }

    @Test
    void drawsTheStartTheSamplesInTimeOrderAndTheStopWithTheEnergySinceTheMeterStart() {
        List<Point> curve = MeterCurve.of(10_000L, new EnergyReading(START, 10_000),
                List.of(at(40, 14_000), at(20, 12_000), at(-5, 9_900), at(75, 16_500)),
                new EnergyReading(STOP, 16_000));

        assertThat(curve).containsExactly(new Point(START, 10_000, 0L), new Point(at(20, 0).at(), 12_000, 2_000L),
                new Point(at(40, 0).at(), 14_000, 4_000L), new Point(STOP, 16_000, 6_000L));
    }

    @Test
    void keepsTheTransactionsOwnReadingsAtTheStartAndStopInstants() {
        List<Point> curve = MeterCurve.of(10_000L, new EnergyReading(START, 10_000),
                List.of(new EnergyReading(START, 9_999), new EnergyReading(STOP, 16_001)),
                new EnergyReading(STOP, 16_000));

        assertThat(curve).extracting(Point::registerWh).containsExactly(10_000L, 16_000L);
    }

    @Test
    void endsAtTheLatestSampleWhileThereIsNoStop() {
        List<Point> curve = MeterCurve.of(10_000L, new EnergyReading(START, 10_000),
                List.of(at(10, 11_000), at(30, 13_000)), null);

        assertThat(curve).extracting(Point::energyWh).containsExactly(0L, 1_000L, 3_000L);
    }

    @Test
    void countsNoEnergyWithoutAMeterStart() {
        List<Point> curve = MeterCurve.of(null, null, List.of(at(10, 11_000), at(70, 17_000)),
                new EnergyReading(STOP, 16_000));

        assertThat(curve).extracting(Point::registerWh).containsExactly(11_000L, 16_000L);
        assertThat(curve).extracting(Point::energyWh).containsOnlyNulls();
    }

    @Test
    void thinsALongCurveEvenlyKeepingTheFirstAndTheLast() {
        List<Integer> points = IntStream.range(0, 4_322).boxed().toList();

        List<Integer> thinned = MeterCurve.thinned(points, MeterCurve.MOST_POINTS);

        assertThat(thinned).hasSize(MeterCurve.MOST_POINTS).startsWith(0).endsWith(4_321).isSorted()
                .doesNotHaveDuplicates();
        List<Integer> gaps = new ArrayList<>();
        for (int i = 1; i < thinned.size(); i++) {
            gaps.add(thinned.get(i) - thinned.get(i - 1));
        }
        // 4,321 steps over 499 gaps: every gap 8 or 9 points wide
        assertThat(gaps).allMatch(gap -> gap == 8 || gap == 9);
    }

    @Test
    void leavesAShortCurveAsItIs() {
        List<Integer> points = IntStream.range(0, MeterCurve.MOST_POINTS).boxed().toList();

        assertThat(MeterCurve.thinned(points, MeterCurve.MOST_POINTS)).isEqualTo(points);
    }
}
