package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.sessions.AnomalyRules.Evidence;
import org.evsettle.sessions.AnomalyRules.OpenSession;
import org.evsettle.sessions.AnomalyRules.PriorRegister;
import org.evsettle.sessions.AnomalyRules.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnomalyRulesTest {

    private static final Instant START = Instant.parse("2026-03-29T00:45:00Z");
    private static final UUID PREVIOUS = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Thresholds RULES = new Thresholds(Duration.ofMinutes(5), BigDecimal.valueOf(22_000),
            new BigDecimal("1.1"), Duration.ofMinutes(5), 100, BigDecimal.valueOf(400_000));

    /** A session that breaks no rule: 12.340 kWh in an hour (12.3 kW), accepted, a driver, on time. */
    private static Evidence aSession(UnaryOperator<Session> changes) {
        return changes.apply(new Session()).evidence();
    }

    /** A test-data builder of the evidence. */
    private static final class Session {
        String status = "Accepted";
        UUID driverId = UUID.randomUUID();
        Instant startedAt = START;
        Instant startReceivedAt = START.plusSeconds(1);
        Instant stoppedAt = START.plus(Duration.ofMinutes(60));
        Instant stopReceivedAt = START.plus(Duration.ofMinutes(60)).plusSeconds(1);
        long meterStart = 1_234_000;
        long meterStop = 1_246_340;
        List<EnergyReading> samples = new ArrayList<>();
        PriorRegister prior;
        OpenSession busyWith;

        Session sample(long minutes, long wh) {
            samples.add(new EnergyReading(START.plus(Duration.ofMinutes(minutes)), wh));
            return this;
        }

        Session sampleAt(Duration after, long wh) {
            samples.add(new EnergyReading(START.plus(after), wh));
            return this;
        }

        Session meter(long start, long stop) {
            meterStart = start;
            meterStop = stop;
            return this;
        }

        Session stoppedAfter(Duration duration) {
            stoppedAt = START.plus(duration);
            stopReceivedAt = stoppedAt.plusSeconds(1);
            return this;
        }

        Evidence evidence() {
            return new Evidence(status, driverId, startedAt, startReceivedAt, stoppedAt, stopReceivedAt, meterStart,
                    meterStop, samples, prior, busyWith);
        }
    }

    static Stream<Arguments> sessions() {
        return Stream.of(
                Arguments.of("a sound session", aSession(s -> s.sample(30, 1_240_000)), List.of()),
                Arguments.of("exactly the maximum power, within the tolerance",
                        aSession(s -> s.meter(0, 24_200)), List.of()),
                Arguments.of("an idTag the gateway refused", aSession(s -> {
                    s.status = "Blocked";
                    return s;
                }), List.of(AnomalyRule.NOT_AUTHORIZED)),
                Arguments.of("no driver", aSession(s -> {
                    s.driverId = null;
                    return s;
                }), List.of(AnomalyRule.NO_DRIVER)),
                Arguments.of("no stop timestamp", aSession(s -> {
                    s.stoppedAt = null;
                    return s;
                }), List.of(AnomalyRule.NO_CHARGER_TIMESTAMP)),
                Arguments.of("a stop before the start", aSession(s -> s.stoppedAfter(Duration.ofMinutes(-5))),
                        List.of(AnomalyRule.STOP_BEFORE_START)),
                Arguments.of("a start in the future of its arrival", aSession(s -> {
                    s.startReceivedAt = START.minus(Duration.ofHours(3));
                    return s;
                }), List.of(AnomalyRule.FUTURE_TIMESTAMP)),
                Arguments.of("a start a little ahead of the gateway's clock", aSession(s -> {
                    s.startReceivedAt = START.minus(Duration.ofMinutes(4));
                    return s;
                }), List.of()),
                Arguments.of("a meter that ran backwards", aSession(s -> s.meter(910_000, 80)),
                        List.of(AnomalyRule.NEGATIVE_ENERGY)),
                Arguments.of("nothing delivered", aSession(s -> s.meter(500_000, 500_000)),
                        List.of(AnomalyRule.ZERO_ENERGY)),
                Arguments.of("a zero baseline after a reboot, then the lifetime register", aSession(s -> {
                    s.prior = new PriorRegister(PREVIOUS, START.minus(Duration.ofHours(5)), 910_000);
                    return s.meter(0, 910_080);
                }), List.of(AnomalyRule.METER_RESET, AnomalyRule.IMPLAUSIBLE_POWER)),
                Arguments.of("a meter start below the previous session's stop", aSession(s -> {
                    s.prior = new PriorRegister(PREVIOUS, START.minus(Duration.ofHours(5)), 1_300_000);
                    return s;
                }), List.of(AnomalyRule.METER_RESET)),
                Arguments.of("the register falling within the session",
                        aSession(s -> s.sample(20, 1_240_000).sample(40, 1_239_000)),
                        List.of(AnomalyRule.METER_RESET)),
                Arguments.of("more than the connector delivers over the session",
                        aSession(s -> s.meter(1_000_000, 1_030_000)), List.of(AnomalyRule.IMPLAUSIBLE_POWER)),
                Arguments.of("energy in no time", aSession(s -> s.stoppedAfter(Duration.ZERO)),
                        List.of(AnomalyRule.IMPLAUSIBLE_POWER)),
                Arguments.of("a jump within a stretch of the session (a 4 h session, 20 kWh in 10 min)",
                        aSession(s -> s.stoppedAfter(Duration.ofHours(4)).meter(1_000_000, 1_040_000)
                                .sample(60, 1_005_000).sample(70, 1_025_000)),
                        List.of(AnomalyRule.IMPLAUSIBLE_POWER)),
                Arguments.of("a sample above meter stop", aSession(s -> s.sample(55, 1_246_600)),
                        List.of(AnomalyRule.REGISTER_MISMATCH)),
                Arguments.of("a sample at the stop instant that disagrees with meter stop",
                        aSession(s -> s.sample(60, 1_245_000)), List.of(AnomalyRule.REGISTER_MISMATCH)),
                Arguments.of("a Go 2's last periodic sample at the stop instant, above meter stop",
                        aSession(s -> s.sample(60, 1_246_600)), List.of()),
                Arguments.of("a Go 2's last periodic sample after the stop, above meter stop",
                        aSession(s -> s.sampleAt(Duration.ofSeconds(3605), 1_246_600)), List.of()),
                Arguments.of("the register jumping 1.2 kWh in 10 s at a switch from Cloud to native",
                        aSession(s -> s.sampleAt(Duration.ofMinutes(30), 1_240_000)
                                .sampleAt(Duration.ofSeconds(1810), 1_241_200)),
                        List.of(AnomalyRule.REGISTER_JUMP)),
                Arguments.of("the register jumping 500 kWh between two samples at a switch from Cloud to native",
                        aSession(s -> s.meter(1_000_000, 1_506_000).sample(30, 1_003_000).sample(32, 1_503_500)),
                        List.of(AnomalyRule.IMPLAUSIBLE_POWER, AnomalyRule.REGISTER_JUMP)),
                Arguments.of("energy registers in kWh becoming Wh at the switch, the same register",
                        aSession(s -> s.sample(30, 1_240_000).sample(32, 1_240_400)), List.of()),
                Arguments.of("intermediate values thinned to the transaction's begin and end, none in between",
                        aSession(s -> s.stoppedAfter(Duration.ofHours(4)).sample(0, 1_234_000)
                                .sampleAt(Duration.ofHours(4), 1_246_340)), List.of()),
                Arguments.of("a sample in kWh with fewer decimals, within the tolerance",
                        aSession(s -> s.sample(60, 1_246_300)), List.of()),
                Arguments.of("a sample of the next session, after the stop, says nothing",
                        aSession(s -> s.sample(90, 1_300_000)), List.of()),
                Arguments.of("another session still open on the connector", aSession(s -> {
                    s.busyWith = new OpenSession(PREVIOUS, START.minus(Duration.ofHours(30)));
                    return s;
                }), List.of(AnomalyRule.CONNECTOR_BUSY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void findsTheRulesASessionBreaks(String description, Evidence evidence, List<AnomalyRule> rules) {
        assertThat(AnomalyRules.of(evidence, RULES)).extracting(Anomaly::rule).containsExactlyElementsOf(rules);
    }

    @Test
    void explainsEachAnomalyInWordsAnOperatorCanCheck() {
        List<Anomaly> found = AnomalyRules.of(aSession(s -> {
            s.prior = new PriorRegister(PREVIOUS, START.minus(Duration.ofHours(5)), 910_000);
            return s.meter(0, 910_080);
        }), RULES);

        assertThat(found).extracting(Anomaly::detail).containsExactly(
                "meter start 0 Wh is below 910000 Wh, the register at the end of session " + PREVIOUS
                        + " on this connector (a reset, or a zero baseline after a reboot)",
                "910.080 kWh in 1 h 0 min is 910.1 kW on average; the connector delivers at most 22.0 kW");
        assertThat(AnomalyRules.heldReason(found)).startsWith("meter start 0 Wh").contains("; 910.080 kWh");
        assertThat(AnomalyRules.heldReason(List.of())).isNull();
    }

    @Test
    void explainsARegisterJumpWithItsStepAndTime() {
        List<Anomaly> found = AnomalyRules.of(aSession(s -> s.sampleAt(Duration.ofMinutes(30), 1_240_000)
                .sampleAt(Duration.ofSeconds(1810), 1_241_200)), RULES);

        assertThat(found).extracting(Anomaly::detail).containsExactly("the register jumped by 1.200 kWh in 10 s between "
                + START.plus(Duration.ofMinutes(30)) + " and " + START.plus(Duration.ofSeconds(1810))
                + " (432.0 kW, above 400.0 kW): a changed meter or unit, not energy delivered");
    }

    @Test
    void takesNoFastChargeForARegisterJump() {
        Thresholds fastCharger = new Thresholds(Duration.ofMinutes(5), BigDecimal.valueOf(150_000),
                new BigDecimal("1.1"), Duration.ofMinutes(5), 100, BigDecimal.valueOf(400_000));
        // 140 kW for an hour, sampled every 10 s: 389 Wh a step, above the register tolerance, far below a jump
        Evidence fastCharge = aSession(s -> {
            s.meter(1_000_000, 1_140_000);
            for (int second = 10; second < 3600; second += 10) {
                s.sampleAt(Duration.ofSeconds(second), 1_000_000 + 140_000L * second / 3600);
            }
            return s;
        });

        assertThat(AnomalyRules.of(fastCharge, fastCharger)).isEmpty();
        // on a 22 kW connector the same session is implausible, yet still no jump
        assertThat(AnomalyRules.of(fastCharge, RULES)).extracting(Anomaly::rule)
                .containsExactly(AnomalyRule.IMPLAUSIBLE_POWER);
    }

    @Test
    void takesTheMaximumPowerOfTheCharger() {
        Thresholds dcCharger = new Thresholds(Duration.ofMinutes(5), BigDecimal.valueOf(50_000), new BigDecimal("1.1"),
                Duration.ofMinutes(5), 100, BigDecimal.valueOf(400_000));
        Evidence thirtyKw = aSession(s -> s.meter(1_000_000, 1_030_000));

        assertThat(AnomalyRules.of(thirtyKw, dcCharger)).isEmpty();
        assertThat(AnomalyRules.of(thirtyKw, RULES)).extracting(Anomaly::rule)
                .containsExactly(AnomalyRule.IMPLAUSIBLE_POWER);
    }
}
