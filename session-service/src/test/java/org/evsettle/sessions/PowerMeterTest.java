package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.sessions.ChargingTime.PowerReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerMeterTest {

    private static SampledValue power(String value, String phase, String unit) {
        return new SampledValue(value, "Sample.Periodic", "Raw", PowerMeter.MEASURAND, phase, "Outlet", unit);
    }

    @ParameterizedTest(name = "{0} {2} (phase {1}) is {3} W")
    @CsvSource(nullValues = "null", value = {
            "7.4,     null, kW,   7400",
            "7400,    null, W,    7400",
            "7400.6,  null, null, 7401",
            "0,       null, kW,   0",
            "22,      null, MW,   null",
            "lots,    null, W,    null",
    })
    void readsTheTotalInWattsFromTheUnitOfTheSample(String value, String phase, String unit, Long watts) {
        assertThat(PowerMeter.watts(List.of(power(value, phase, unit)))).isEqualTo(Optional.ofNullable(watts));
    }

    @Test
    void sumsThePhasesWhenNoTotalIsGivenCountingEachPhaseOnce() {
        assertThat(PowerMeter.watts(List.of(power("3.6", "L1", "kW"), power("3.7", "L2", "kW"),
                power("3.7", "L3", "kW"), power("3.6", "L1-N", "kW")))).contains(11_000L);
        assertThat(PowerMeter.watts(List.of(power("2300", "L1-N", "W"), power("2300", "L2-N", "W")))).contains(4_600L);
        assertThat(PowerMeter.watts(List.of(power("3.6", "L1", "kW"), power("11", null, "kW")))).contains(11_000L);
    }

    @Test
    void ignoresOtherMeasurandsAndKeepsOneReadingPerMeterValue() {
        Instant at = Instant.parse("2026-03-29T00:45:00.123456789Z");
        List<PowerReading> readings = PowerMeter.readings(Arrays.asList(
                new MeterValue(at, List.of(new SampledValue("1234.5", null, null, EnergyRegister.MEASURAND, null, null,
                        "kWh"), power("7.4", null, "kW"))),
                new MeterValue(at.plusSeconds(120), List.of(new SampledValue("16", null, null, "Current.Import", "L1",
                        null, "A"))),
                null));

        assertThat(readings).containsExactly(new PowerReading(Instant.parse("2026-03-29T00:45:00.123456Z"), 7400));
    }
}
