package org.evsettle.sessions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.events.sessions.EnergyReading;

/**
 * Reads the energy register out of OCPP meter values, in Wh, whatever unit the charger named:
 * chargers send Wh or kWh as decimal strings, and the unit must be read from the sample, not assumed.
 */
public final class EnergyRegister {

    /** The measurand of the lifetime import register; OCPP 1.6 assumes it when a sample names none. */
    public static final String MEASURAND = "Energy.Active.Import.Register";
    private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);

    private EnergyRegister() {
    }

    /** At most one register reading per meter value (the first usable sample), with its timestamp. */
    public static List<EnergyReading> readings(List<MeterValue> meterValues) {
        List<EnergyReading> readings = new ArrayList<>();
        if (meterValues == null) {
            return readings;
        }
        for (MeterValue meterValue : meterValues) {
            if (meterValue == null || meterValue.timestamp() == null || meterValue.sampledValue() == null) {
                continue;
            }
            meterValue.sampledValue().stream()
                    .map(EnergyRegister::wattHours)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .ifPresent(wh -> readings.add(new EnergyReading(
                            meterValue.timestamp().truncatedTo(ChronoUnit.MICROS), wh)));
        }
        return readings;
    }

    /**
     * The register in Wh (rounded half-up to whole Wh) if this sample is the session's energy register;
     * empty for other measurands, per-phase values, signed data, unknown units and unreadable values.
     */
    public static Optional<Long> wattHours(SampledValue sample) {
        if (sample == null || sample.value() == null) {
            return Optional.empty();
        }
        if (sample.measurand() != null && !MEASURAND.equals(sample.measurand())) {
            return Optional.empty();
        }
        // a per-phase register is a part of the total, and signed data is not a number
        if (sample.phase() != null || "SignedData".equals(sample.format())) {
            return Optional.empty();
        }
        Optional<BigDecimal> perUnit = whPerUnit(sample.unit());
        if (perUnit.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal wh = new BigDecimal(sample.value().trim()).multiply(perUnit.get());
            return Optional.of(wh.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<BigDecimal> whPerUnit(String unit) {
        if (unit == null) {
            return Optional.of(BigDecimal.ONE);
        }
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "wh" -> Optional.of(BigDecimal.ONE);
            case "kwh" -> Optional.of(WH_PER_KWH);
            default -> Optional.empty();
        };
    }
}
