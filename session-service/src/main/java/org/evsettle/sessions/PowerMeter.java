package org.evsettle.sessions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.sessions.ChargingTime.PowerReading;

/**
 * Reads active import power out of OCPP meter values, in W, whatever unit the charger named (W or
 * kW): the total when the charger sent one, otherwise the sum of its phases.
 */
public final class PowerMeter {

    public static final String MEASURAND = "Power.Active.Import";
    private static final Set<String> PHASES = Set.of("L1", "L2", "L3");
    private static final Set<String> PHASES_TO_NEUTRAL = Set.of("L1-N", "L2-N", "L3-N");

    private PowerMeter() {
    }

    /** At most one reading per meter value. */
    public static List<PowerReading> readings(List<MeterValue> meterValues) {
        List<PowerReading> readings = new ArrayList<>();
        if (meterValues == null) {
            return readings;
        }
        for (MeterValue meterValue : meterValues) {
            if (meterValue == null || meterValue.timestamp() == null || meterValue.sampledValue() == null) {
                continue;
            }
            watts(meterValue.sampledValue()).ifPresent(watts -> readings.add(
                    new PowerReading(meterValue.timestamp().truncatedTo(ChronoUnit.MICROS), watts)));
        }
        return readings;
    }

    /** The total import power of one meter value's samples, if it has any (phases counted once: L1..L3, else L1-N..L3-N). */
    static Optional<Long> watts(List<SampledValue> samples) {
        BigDecimal phaseSum = null;
        BigDecimal toNeutralSum = null;
        for (SampledValue sample : samples) {
            if (sample == null || !MEASURAND.equals(sample.measurand()) || "SignedData".equals(sample.format())) {
                continue;
            }
            Optional<BigDecimal> watts = value(sample);
            if (watts.isEmpty()) {
                continue;
            }
            if (sample.phase() == null) {
                return Optional.of(watts.get().setScale(0, RoundingMode.HALF_UP).longValue());
            }
            if (PHASES.contains(sample.phase())) {
                phaseSum = phaseSum == null ? watts.get() : phaseSum.add(watts.get());
            } else if (PHASES_TO_NEUTRAL.contains(sample.phase())) {
                toNeutralSum = toNeutralSum == null ? watts.get() : toNeutralSum.add(watts.get());
            }
        }
        return Optional.ofNullable(phaseSum != null ? phaseSum : toNeutralSum)
                .map(sum -> sum.setScale(0, RoundingMode.HALF_UP).longValue());
    }

    private static Optional<BigDecimal> value(SampledValue sample) {
        if (sample.value() == null) {
            return Optional.empty();
        }
        BigDecimal perUnit;
        String unit = sample.unit() == null ? "w" : sample.unit().trim().toLowerCase(Locale.ROOT);
        if (unit.equals("w")) {
            perUnit = BigDecimal.ONE;
        } else if (unit.equals("kw")) {
            perUnit = BigDecimal.valueOf(1000);
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(sample.value().trim()).multiply(perUnit));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
