package org.evsettle.gateway.ocpp.v201;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.events.ocpp.SignedMeterValue;

/**
 * 2.0.1 meter values written as the version-neutral events carry them, so that downstream reads a
 * 2.0.1 session as a 1.6 one: each value scaled by its unitOfMeasure's multiplier (10^m), energy
 * in whole Wh (kWh times 1000, rounded half-up) and power in W, a number written as a decimal string,
 * the defaults 2.0.1 leaves implicit written out (measurand Energy.Active.Import.Register, unit Wh,
 * context Sample.Periodic), and the meter's signature kept beside the value.
 */
final class MeterReadings {

    static final String REGISTER = "Energy.Active.Import.Register";
    private static final String DEFAULT_CONTEXT = "Sample.Periodic";
    private static final String BEGIN = "Transaction.Begin";

    private MeterReadings() {
    }

    static List<MeterValue> toEvent(List<TransactionMessages.MeterValue> meterValues) {
        if (meterValues == null) {
            return List.of();
        }
        return meterValues.stream()
                .map(value -> new MeterValue(value.timestamp(),
                        value.sampledValue().stream().map(MeterReadings::toEvent).toList()))
                .toList();
    }

    private static SampledValue toEvent(TransactionMessages.SampledValue sample) {
        String measurand = sample.measurand() != null ? sample.measurand() : REGISTER;
        String unit = sample.unitOfMeasure() != null && sample.unitOfMeasure().unit() != null
                ? sample.unitOfMeasure().unit() : "Wh";
        int multiplier = sample.unitOfMeasure() != null && sample.unitOfMeasure().multiplier() != null
                ? sample.unitOfMeasure().multiplier() : 0;
        BigDecimal value = sample.value().scaleByPowerOfTen(multiplier);
        String lower = unit.toLowerCase(Locale.ROOT);
        if ("kwh".equals(lower) || "kw".equals(lower) || "kvarh".equals(lower) || "kvar".equals(lower)
                || "kva".equals(lower)) {
            value = value.scaleByPowerOfTen(3);
            unit = unit.substring(1);
        }
        String written = measurand.startsWith("Energy.") && "wh".equals(unit.toLowerCase(Locale.ROOT))
                ? value.setScale(0, RoundingMode.HALF_UP).toPlainString()
                : plain(value);
        SignedMeterValue signed = sample.signedMeterValue() == null ? null : new SignedMeterValue(
                sample.signedMeterValue().signedMeterData(), sample.signedMeterValue().signingMethod(),
                sample.signedMeterValue().encodingMethod(), sample.signedMeterValue().publicKey());
        return new SampledValue(written, sample.context() != null ? sample.context() : DEFAULT_CONTEXT, null,
                measurand, sample.phase(), sample.location(), unit, signed);
    }

    /** The energy register of the latest meter value that has one (Wh); empty when none does. */
    static Optional<Long> lastRegisterWh(List<MeterValue> meterValues) {
        Optional<Reading> last = Optional.empty();
        for (MeterValue value : meterValues) {
            Optional<Reading> reading = registerOf(value);
            if (reading.isPresent() && (last.isEmpty() || !reading.get().at().isBefore(last.get().at()))) {
                last = reading;
            }
        }
        return last.map(Reading::wh);
    }

    /** The register at the start: the Transaction.Begin sample, else the earliest meter value's. */
    static Optional<Reading> firstRegister(List<MeterValue> meterValues) {
        Optional<Reading> first = Optional.empty();
        for (MeterValue value : meterValues) {
            Optional<Reading> reading = registerOf(value);
            boolean begin = value.sampledValue().stream().anyMatch(s -> BEGIN.equals(s.context()));
            if (reading.isPresent() && (begin || first.isEmpty() || reading.get().at().isBefore(first.get().at()))) {
                first = reading;
                if (begin) {
                    break;
                }
            }
        }
        return first;
    }

    /** The earliest instant these values speak of, or the fallback. */
    static Instant earliest(List<MeterValue> meterValues, Instant fallback) {
        Instant earliest = fallback;
        for (MeterValue value : meterValues) {
            if (value.timestamp() != null && value.timestamp().isBefore(earliest)) {
                earliest = value.timestamp();
            }
        }
        return earliest;
    }

    /** A register reading: when, and how many Wh. */
    record Reading(Instant at, long wh) {
    }

    private static Optional<Reading> registerOf(MeterValue value) {
        return value.sampledValue().stream()
                .filter(s -> REGISTER.equals(s.measurand()) && s.phase() == null && "Wh".equalsIgnoreCase(s.unit()))
                .findFirst()
                .map(s -> new Reading(value.timestamp(), new BigDecimal(s.value()).longValue()));
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
