package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.events.sessions.EnergyReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnergyRegisterTest {

    @ParameterizedTest(name = "{0} {1} ({2}, phase {3}, format {4}) -> {5}")
    @CsvSource(nullValues = "null", value = {
            // value,        unit,  measurand,                        phase, format,       Wh
            "1234567,        Wh,    Energy.Active.Import.Register,    null,  Raw,          1234567",
            "1234567.8,      Wh,    Energy.Active.Import.Register,    null,  Raw,          1234568",
            "1234567.4,      Wh,    Energy.Active.Import.Register,    null,  Raw,          1234567",
            "1234567.5,      Wh,    Energy.Active.Import.Register,    null,  Raw,          1234568",
            "1236.5,         kWh,   Energy.Active.Import.Register,    null,  Raw,          1236500",
            "1236.5678,      kWh,   Energy.Active.Import.Register,    null,  Raw,          1236568",
            "12.3456,        kWh,   Energy.Active.Import.Register,    null,  Raw,          12346",
            "0.0004,         kWh,   Energy.Active.Import.Register,    null,  Raw,          0",
            "98765,          KWH,   Energy.Active.Import.Register,    null,  Raw,          98765000",
            "4200,           null,  Energy.Active.Import.Register,    null,  Raw,          4200",
            "' 4200 ',       null,  null,                             null,  null,         4200",
            "2.5,            kWh,   null,                             null,  null,         2500",
            "7.4,            kW,    Power.Active.Import,              null,  Raw,          null",
            "1200,           Wh,    Energy.Active.Export.Register,    null,  Raw,          null",
            "1200,           Wh,    Energy.Active.Import.Register,    L1,    Raw,          null",
            "1200,           varh,  Energy.Active.Import.Register,    null,  Raw,          null",
            "a1b2c3,         Wh,    Energy.Active.Import.Register,    null,  SignedData,   null",
            "not-a-number,   Wh,    Energy.Active.Import.Register,    null,  Raw,          null",
            "'',             Wh,    Energy.Active.Import.Register,    null,  Raw,          null",
    })
    void readsTheRegisterInWattHoursFromTheUnitTheSampleNames(String value, String unit, String measurand,
                                                             String phase, String format, Long expectedWh) {
        SampledValue sample = new SampledValue(value, "Sample.Periodic", format, measurand, phase, "Outlet", unit);

        assertThat(EnergyRegister.wattHours(sample)).isEqualTo(Optional.ofNullable(expectedWh));
    }

    @Test
    void takesOneReadingPerMeterValueAtItsTimestampSkippingOtherMeasurands() {
        Instant first = Instant.parse("2026-03-29T01:00:00.123456789Z");
        Instant second = Instant.parse("2026-03-29T01:02:00Z");
        List<MeterValue> meterValues = List.of(
                new MeterValue(first, List.of(
                        new SampledValue("7.4", null, null, "Power.Active.Import", null, null, "kW"),
                        new SampledValue("1234.5", null, null, EnergyRegister.MEASURAND, null, null, "kWh"))),
                new MeterValue(second, List.of(
                        new SampledValue("16", null, null, "Current.Import", "L1", null, "A"))),
                new MeterValue(second, List.of(
                        new SampledValue("1234600", null, null, null, null, null, null))));

        assertThat(EnergyRegister.readings(meterValues)).containsExactly(
                new EnergyReading(Instant.parse("2026-03-29T01:00:00.123456Z"), 1_234_500),
                new EnergyReading(second, 1_234_600));
    }

    @Test
    void findsNoReadingsWithoutMeterValues() {
        assertThat(EnergyRegister.readings(null)).isEmpty();
        assertThat(EnergyRegister.readings(List.of(new MeterValue(null, List.of(
                new SampledValue("1", null, null, null, null, null, "Wh")))))).isEmpty();
    }
}
