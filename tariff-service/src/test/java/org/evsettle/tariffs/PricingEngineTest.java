package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evsettle.tariffs.Sessions.aSession;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.tariffs.PriceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pricing rule, case by case: rounding edges, start fee only, free tariffs. */
class PricingEngineTest {

    @ParameterizedTest(name = "{0} Wh at {1}/kWh, start fee {2}, VAT {3} -> energy {4}, net {5}, VAT {6}, gross {7}")
    @CsvSource(nullValues = "-", textBlock = """
            # energyWh, kWh price, start fee, VAT rate, energy line, net,  VAT,  gross
              12340,    0.35,      -,         0.21,     4.32,        4.32, 0.91, 5.23
              12340,    0.35,      0.50,      0.21,     4.32,        4.82, 1.01, 5.83
              1,        0.35,      -,         0.21,     0.00,        0.00, 0.00, 0.00
              1,        5.00,      -,         0.21,     0.01,        0.01, 0.00, 0.01
              0,        0.35,      0.50,      0.21,     0.00,        0.50, 0.11, 0.61
              14300,    0.35,      -,         0.21,     5.01,        5.01, 1.05, 6.06
              14290,    0.35,      -,         0.21,     5.00,        5.00, 1.05, 6.05
              10000,    0.12345,   -,         0.21,     1.23,        1.23, 0.26, 1.49
              10000,    0.12355,   -,         0.21,     1.24,        1.24, 0.26, 1.50
              12340,    0.35,      0.50,      0.09,     4.32,        4.82, 0.43, 5.25
              12340,    0.35,      0.50,      0,        4.32,        4.82, 0.00, 4.82
              20000,    0.00,      0.00,      0.21,     0.00,        0.00, 0.00, 0.00
              -,        -,         0.50,      0.21,     -,           0.50, 0.11, 0.61
            """)
    void pricesEnergyAndStartFeeRoundedHalfUpToCents(Long energyWh, BigDecimal kWhPrice, BigDecimal startFee,
                                                      BigDecimal vatRate, BigDecimal energyAmount, BigDecimal net,
                                                      BigDecimal vat, BigDecimal gross) {
        List<TariffComponent> components = new ArrayList<>();
        if (kWhPrice != null) {
            components.add(new TariffComponent(ComponentType.ENERGY, kWhPrice));
        }
        if (startFee != null) {
            components.add(new TariffComponent(ComponentType.START_FEE, startFee));
        }
        SessionCompleted session = aSession(s -> s.energyWh(energyWh == null ? 12_340 : energyWh));

        Price price = PricingEngine.price(session, new TariffTerms("EUR", vatRate, components));

        if (energyAmount != null) {
            assertThat(price.lines().get(0).amount()).isEqualTo(energyAmount);
        }
        assertThat(price.netAmount()).isEqualTo(net);
        assertThat(price.vatAmount()).isEqualTo(vat);
        assertThat(price.grossAmount()).isEqualTo(gross);
        assertThat(price.vatRate()).isEqualTo(vatRate);
        assertThat(price.lines()).hasSize(components.size());
    }

    @Test
    void writesALinePerComponentWithQuantityUnitAndUnitPrice() {
        SessionCompleted session = aSession(s -> s.energyWh(12_340));

        Price price = PricingEngine.price(session, new TariffTerms("EUR", new BigDecimal("0.21"), List.of(
                new TariffComponent(ComponentType.START_FEE, new BigDecimal("0.5")),
                new TariffComponent(ComponentType.ENERGY, new BigDecimal("0.35")))));

        assertThat(price.currency()).isEqualTo("EUR");
        assertThat(price.lines()).containsExactly(
                new PriceLine("START_FEE", "Start fee", BigDecimal.ONE, "session", new BigDecimal("0.50000"),
                        new BigDecimal("0.50")),
                new PriceLine("ENERGY", "Energy", new BigDecimal("12.340"), "kWh", new BigDecimal("0.35000"),
                        new BigDecimal("4.32")));
    }

    @Test
    void showsEnergyAsKwhWithThreeDecimals() {
        Price price = PricingEngine.price(aSession(s -> s.energyWh(1)), new TariffTerms("EUR", new BigDecimal("0.21"),
                List.of(new TariffComponent(ComponentType.ENERGY, new BigDecimal("0.35")))));

        assertThat(price.lines().get(0).quantity()).hasToString("0.001");
    }

    @Test
    void refusesToPriceNegativeEnergy() {
        SessionCompleted session = aSession(s -> s.energyWh(-5));
        TariffTerms terms = new TariffTerms("EUR", new BigDecimal("0.21"),
                List.of(new TariffComponent(ComponentType.ENERGY, new BigDecimal("0.35"))));

        assertThatThrownBy(() -> PricingEngine.price(session, terms)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAUnitPriceWithMoreThanFiveDecimals() {
        assertThatThrownBy(() -> new TariffComponent(ComponentType.ENERGY, new BigDecimal("0.123456")))
                .isInstanceOf(ArithmeticException.class);
    }
}
