package org.evsettle.sessions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.sessions.config.SessionRules;

/**
 * Checks a session that has its start and its stop against every {@link AnomalyRule} that can be
 * judged then (STALE and LATE_STOP are found elsewhere) and returns what it breaks, in rule order.
 * Pure: what it needs from the database comes in as {@link Evidence}.
 */
public final class AnomalyRules {

    /** The OCPP 1.6 authorization status of an idTag that may charge. */
    public static final String ACCEPTED = "Accepted";

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private AnomalyRules() {
    }

    /** The limits the rules apply, for one charger. */
    public record Thresholds(Duration futureTolerance, BigDecimal maxPowerW, BigDecimal powerTolerance,
                             Duration powerWindow, long registerToleranceWh, BigDecimal registerJumpW) {

        public static Thresholds of(SessionRules rules, String chargePointId) {
            return new Thresholds(rules.futureTolerance(), rules.maxPowerW(chargePointId), rules.powerTolerance(),
                    rules.powerWindow(), rules.registerToleranceWh(), rules.registerJumpKw().multiply(THOUSAND));
        }
    }

    /** The register at the end of the connector's previous session: its meterStop, or its last sample. */
    public record PriorRegister(UUID sessionId, Instant at, long registerWh) {
    }

    /** Another session on the connector that started earlier and was still open when this one started. */
    public record OpenSession(UUID sessionId, Instant startedAt) {
    }

    /**
     * What is known of a session: its start and stop as the charger reported them (with the moments the
     * gateway received them), every register sample stored for it, and what the connector did around it.
     */
    public record Evidence(String authorizationStatus, UUID driverId, Instant startedAt, Instant startReceivedAt,
                           Instant stoppedAt, Instant stopReceivedAt, long meterStartWh, long meterStopWh,
                           List<EnergyReading> samples, PriorRegister prior, OpenSession busyWith) {

        public long energyWh() {
            return meterStopWh - meterStartWh;
        }
    }

    public static List<Anomaly> of(Evidence e, Thresholds t) {
        List<Anomaly> found = new ArrayList<>();
        if (!ACCEPTED.equals(e.authorizationStatus())) {
            found.add(new Anomaly(AnomalyRule.NOT_AUTHORIZED, "idTag not accepted ("
                    + Objects.requireNonNullElse(e.authorizationStatus(), "no status") + ")"));
        }
        if (e.driverId() == null) {
            found.add(new Anomaly(AnomalyRule.NO_DRIVER, "no driver"));
        }
        long energy = e.energyWh();
        if (e.startedAt() == null || e.stoppedAt() == null) {
            found.add(new Anomaly(AnomalyRule.NO_CHARGER_TIMESTAMP, "no charger timestamp"));
            energyRules(e, found);
            return found;
        }
        boolean inOrder = !e.stoppedAt().isBefore(e.startedAt());
        if (!inOrder) {
            found.add(new Anomaly(AnomalyRule.STOP_BEFORE_START, "stopped before it started ("
                    + e.stoppedAt() + " is before " + e.startedAt() + ")"));
        }
        future("start", e.startedAt(), e.startReceivedAt(), t, found);
        future("stop", e.stoppedAt(), e.stopReceivedAt(), t, found);
        energyRules(e, found);
        if (inOrder && energy >= 0) {
            List<EnergyReading> readings = SessionReadings.of(new EnergyReading(e.startedAt(), e.meterStartWh()),
                    e.samples(), new EnergyReading(e.stoppedAt(), e.meterStopWh()));
            meterReset(e, readings, t, found);
            implausiblePower(e, readings, t, found);
            registerJump(readings, t, found);
            registerMismatch(e, t, found);
        } else if (e.prior() != null && e.meterStartWh() < e.prior().registerWh() - t.registerToleranceWh()) {
            found.add(resetAfter(e));
        }
        if (e.busyWith() != null) {
            found.add(new Anomaly(AnomalyRule.CONNECTOR_BUSY, "the connector was busy with session "
                    + e.busyWith().sessionId() + ", started " + e.busyWith().startedAt() + " and not stopped before "
                    + e.startedAt()));
        }
        return found;
    }

    /**
     * The anomalies of a session at a HOME site (an employee's home charger): a card that is no driver's there
     * may be a partner's or a guest's (not to be billed) or the owner's card not registered yet (to be
     * reimbursed), so its NO_DRIVER says so and the session waits for the operator's review.
     */
    public static List<Anomaly> atHome(List<Anomaly> found, String siteName, String idTag) {
        return found.stream().map(anomaly -> anomaly.rule() != AnomalyRule.NO_DRIVER ? anomaly
                : new Anomaly(AnomalyRule.NO_DRIVER, "card " + Objects.requireNonNullElse(idTag, "(none)")
                        + " is no driver's, at the home charger site " + siteName + ": a partner's or guest's card"
                        + " is not reimbursed, the owner's is once registered; review before releasing")).toList();
    }

    /** The held reason an operator reads: every anomaly, in rule order. */
    public static String heldReason(List<Anomaly> anomalies) {
        return anomalies.isEmpty() ? null
                : String.join("; ", anomalies.stream().map(Anomaly::detail).toList());
    }

    private static void energyRules(Evidence e, List<Anomaly> found) {
        long energy = e.energyWh();
        if (energy < 0) {
            found.add(new Anomaly(AnomalyRule.NEGATIVE_ENERGY, "negative energy (" + energy + " Wh)"));
        } else if (energy == 0) {
            found.add(new Anomaly(AnomalyRule.ZERO_ENERGY, "no energy (0 Wh)"));
        }
    }

    private static void future(String what, Instant at, Instant receivedAt, Thresholds t, List<Anomaly> found) {
        if (receivedAt != null && at.isAfter(receivedAt.plus(t.futureTolerance()))) {
            Duration ahead = Duration.between(receivedAt, at);
            found.add(new Anomaly(AnomalyRule.FUTURE_TIMESTAMP, what + " " + at + " lies " + minutes(ahead)
                    + " after it was received (" + receivedAt + ")"));
        }
    }

    private static void meterReset(Evidence e, List<EnergyReading> readings, Thresholds t, List<Anomaly> found) {
        if (e.prior() != null && e.meterStartWh() < e.prior().registerWh() - t.registerToleranceWh()) {
            found.add(resetAfter(e));
            return;
        }
        // up to the last sample: a sample above meter stop is a REGISTER_MISMATCH, not a fall to the stop
        for (int i = 1; i < readings.size() - 1; i++) {
            EnergyReading before = readings.get(i - 1);
            EnergyReading after = readings.get(i);
            if (after.registerWh() < before.registerWh() - t.registerToleranceWh()) {
                found.add(new Anomaly(AnomalyRule.METER_RESET, "the register fell from " + before.registerWh()
                        + " Wh to " + after.registerWh() + " Wh at " + after.at()));
                return;
            }
        }
    }

    private static Anomaly resetAfter(Evidence e) {
        return new Anomaly(AnomalyRule.METER_RESET, "meter start " + e.meterStartWh() + " Wh is below "
                + e.prior().registerWh() + " Wh, the register at the end of session " + e.prior().sessionId()
                + " on this connector (a reset, or a zero baseline after a reboot)");
    }

    /** Over the whole session, and over every stretch of at least the power window between two readings. */
    private static void implausiblePower(Evidence e, List<EnergyReading> readings, Thresholds t,
                                         List<Anomaly> found) {
        BigDecimal limit = t.maxPowerW().multiply(t.powerTolerance());
        long energy = e.energyWh();
        long millis = Duration.between(e.startedAt(), e.stoppedAt()).toMillis();
        if (millis == 0) {
            if (energy > 0) {
                found.add(new Anomaly(AnomalyRule.IMPLAUSIBLE_POWER, energy + " Wh in no time"));
            }
            return;
        }
        BigDecimal average = watts(energy, millis);
        if (average.compareTo(limit) > 0) {
            found.add(new Anomaly(AnomalyRule.IMPLAUSIBLE_POWER, kwh(energy) + " kWh in " + minutes(
                    Duration.ofMillis(millis)) + " is " + kw(average) + " kW on average; the connector delivers at most "
                    + kw(t.maxPowerW()) + " kW"));
            return;
        }
        long window = t.powerWindow().toMillis();
        int j = 0;
        for (int i = 0; i < readings.size(); i++) {
            EnergyReading from = readings.get(i);
            j = Math.max(j, i + 1);
            while (j < readings.size() && Duration.between(from.at(), readings.get(j).at()).toMillis() < window) {
                j++;
            }
            if (j == readings.size()) {
                return;
            }
            EnergyReading to = readings.get(j);
            long stretch = Duration.between(from.at(), to.at()).toMillis();
            BigDecimal power = watts(to.registerWh() - from.registerWh(), stretch);
            if (power.compareTo(limit) > 0) {
                found.add(new Anomaly(AnomalyRule.IMPLAUSIBLE_POWER, kwh(to.registerWh() - from.registerWh())
                        + " kWh between " + from.at() + " and " + to.at() + " is " + kw(power)
                        + " kW; the connector delivers at most " + kw(t.maxPowerW()) + " kW"));
                return;
            }
        }
    }

    /**
     * A step between two consecutive readings (start, samples, stop) of more than the register tolerance at a
     * rate above the jump limit: whatever the window, no connector delivers that, so the register changed.
     * Without a sample between start and stop the one step is the session itself, which IMPLAUSIBLE_POWER judges.
     */
    private static void registerJump(List<EnergyReading> readings, Thresholds t, List<Anomaly> found) {
        if (readings.size() < 3) {
            return;
        }
        for (int i = 1; i < readings.size(); i++) {
            EnergyReading before = readings.get(i - 1);
            EnergyReading after = readings.get(i);
            long step = after.registerWh() - before.registerWh();
            long millis = Duration.between(before.at(), after.at()).toMillis();
            if (step <= t.registerToleranceWh() || millis <= 0) {
                continue;
            }
            BigDecimal power = watts(step, millis);
            if (power.compareTo(t.registerJumpW()) > 0) {
                found.add(new Anomaly(AnomalyRule.REGISTER_JUMP, "the register jumped by " + kwh(step) + " kWh in "
                        + minutes(Duration.ofMillis(millis)) + " between " + before.at() + " and " + after.at() + " ("
                        + kw(power) + " kW, above " + kw(t.registerJumpW())
                        + " kW): a changed meter or unit, not energy delivered"));
                return;
            }
        }
    }

    private static void registerMismatch(Evidence e, Thresholds t, List<Anomaly> found) {
        long tolerance = t.registerToleranceWh();
        for (EnergyReading sample : e.samples()) {
            if (sample.at().isBefore(e.startedAt()) || sample.at().isAfter(e.stoppedAt())) {
                continue; // a sample outside the session says nothing about it
            }
            String problem = null;
            if (sample.at().equals(e.startedAt()) && Math.abs(sample.registerWh() - e.meterStartWh()) > tolerance) {
                problem = "differs from meter start " + e.meterStartWh() + " Wh at the same instant";
            } else if (sample.at().equals(e.stoppedAt())) {
                // a Go 2 sends its last periodic value after the transaction's end, at the stop instant and
                // up to a few Wh above it: meter stop is the charger's last word, only a sample below it disagrees
                if (sample.registerWh() < e.meterStopWh() - tolerance) {
                    problem = "differs from meter stop " + e.meterStopWh() + " Wh at the same instant";
                }
            } else if (sample.registerWh() < e.meterStartWh() - tolerance
                    || sample.registerWh() > e.meterStopWh() + tolerance) {
                problem = "lies outside meter start to meter stop (" + e.meterStartWh() + " to " + e.meterStopWh()
                        + " Wh)";
            }
            if (problem != null) {
                found.add(new Anomaly(AnomalyRule.REGISTER_MISMATCH, "register sample " + sample.registerWh()
                        + " Wh at " + sample.at() + " " + problem));
                return;
            }
        }
    }

    private static BigDecimal watts(long wh, long millis) {
        return BigDecimal.valueOf(wh).multiply(MILLIS_PER_HOUR).divide(BigDecimal.valueOf(millis), 1,
                RoundingMode.HALF_UP);
    }

    private static String kw(BigDecimal watts) {
        return watts.divide(THOUSAND, 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String kwh(long wh) {
        return BigDecimal.valueOf(wh, 3).toPlainString();
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return duration.toSeconds() + " s";
        }
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }
}
