package org.evsettle.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void existingScenariosHaveNoOcpp201Stations() {
        Scenario fleet = Scenario.parse(new String[] {"--scenario=fleet"});

        assertThat(fleet.ocpp201Share()).isZero();
        assertThat(IntStream.range(0, fleet.chargers()).filter(fleet::offers201)).isEmpty();
    }

    @Test
    void mixedIsTheFleetWithHalfOfItOcpp201StationsSpreadEvenly() {
        Scenario mixed = Scenario.parse(new String[] {"--scenario=mixed"});

        assertThat(mixed.chargers()).isEqualTo(10_000);
        assertThat(mixed.meterInterval()).isEqualTo(Scenario.parse(new String[] {"--scenario=fleet"}).meterInterval());
        assertThat(IntStream.range(0, mixed.chargers()).filter(mixed::offers201).count()).isEqualTo(5_000);
        // every other charger, so that any first part of the ramp-up is mixed too
        assertThat(IntStream.range(0, 10).filter(mixed::offers201)).containsExactly(1, 3, 5, 7, 9);
        assertThat(mixed.describe()).contains("50% of them OCPP 2.0.1 stations");
    }

    @Test
    void takesAnyShareOfOcpp201StationsAndRefusesOneOutsideZeroToOne() {
        Scenario quarter = Scenario.parse(new String[] {"--chargers=200", "--ocpp201-share=0.25"});

        assertThat(IntStream.range(0, 200).filter(quarter::offers201).count()).isEqualTo(50);
        assertThatThrownBy(() -> Scenario.parse(new String[] {"--ocpp201-share=1.5"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
