package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.sessions.ChargingTime.PowerReading;
import org.evsettle.sessions.ChargingTime.StatusChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChargingTimeTest {

    private static final Instant START = Instant.parse("2026-03-29T00:45:00Z");
    private static final Instant STOP = START.plus(Duration.ofMinutes(120));

    private static Instant at(long minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private static StatusChange status(long minutes, String status) {
        return new StatusChange(at(minutes), status);
    }

    private static PowerReading power(long minutes, long watts) {
        return new PowerReading(at(minutes), watts);
    }

    static Stream<Arguments> sessions() {
        return Stream.of(
                Arguments.of("no statuses, no power: all charging", List.of(), List.of(), 120, 0),
                Arguments.of("charging, then the car is full (SuspendedEV) for the last 30 min",
                        List.of(status(-1, "Preparing"), status(0, "Charging"), status(90, "SuspendedEV")),
                        List.of(), 90, 30),
                Arguments.of("a status from before the start holds until the next one",
                        List.of(status(-10, "Charging"), status(60, "Finishing")), List.of(), 60, 60),
                Arguments.of("the charger paused (SuspendedEVSE) for 20 min, then charged again",
                        List.of(status(0, "Charging"), status(40, "SuspendedEVSE"), status(60, "Charging")),
                        List.of(), 100, 20),
                Arguments.of("power near zero from minute 100, status still Charging",
                        List.of(status(0, "Charging")), List.of(power(0, 7400), power(100, 40)), 100, 20),
                Arguments.of("power samples alone, every 30 min",
                        List.of(), List.of(power(0, 11_000), power(30, 11_000), power(60, 0), power(90, 0)), 60, 60),
                Arguments.of("Preparing and other statuses do not count as idle",
                        List.of(status(-1, "Preparing"), status(30, "Charging")), List.of(), 120, 0),
                Arguments.of("idle by status and by power at once counts once",
                        List.of(status(0, "Charging"), status(60, "SuspendedEV")), List.of(power(60, 0)), 60, 60));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void dividesConnectedTimeIntoChargingAndIdle(String description, List<StatusChange> statuses,
                                                List<PowerReading> power, long chargingMinutes, long idleMinutes) {
        SessionDurations durations = ChargingTime.of(START, STOP, statuses, power, 100);

        assertThat(durations).isEqualTo(new SessionDurations(120 * 60, chargingMinutes * 60, idleMinutes * 60));
    }

    @Test
    void cannotTellTheDurationsOfASessionThatStoppedBeforeItStarted() {
        assertThat(ChargingTime.of(START, START.minusSeconds(1), List.of(), List.of(), 100)).isNull();
        assertThat(ChargingTime.of(START, null, List.of(), List.of(), 100)).isNull();
    }

    @Test
    void countsWholeSecondsThatAddUp() {
        SessionDurations durations = ChargingTime.of(START, START.plusMillis(90_600),
                List.of(new StatusChange(START.plusMillis(30_400), "SuspendedEV")), List.of(), 100);

        assertThat(durations.connectedSeconds()).isEqualTo(90);
        assertThat(durations.chargingSeconds() + durations.idleSeconds()).isEqualTo(90);
        assertThat(durations.idleSeconds()).isEqualTo(60);
    }
}
