package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.evsettle.events.registry.LoadLimit;
import org.evsettle.gateway.loadbalancing.LoadShare;
import org.junit.jupiter.api.Test;

/** The rule that shares a site's load limit: equal shares rounded down, never below what a car can charge at. */
class LoadShareTest {

    @Test
    void sharesEquallyRoundedDownSoThatTheSumNeverExceedsTheLimit() {
        Map<String, BigDecimal> shares = LoadShare.of(amperes("32"), List.of("a", "b", "c"));

        assertThat(shares.values()).allSatisfy(share -> assertThat(share).isEqualByComparingTo("10.6"));
        assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isLessThanOrEqualTo(new BigDecimal("32"));
    }

    @Test
    void pausesTheYoungestSessionsWhenAShareWouldFallBelowSixAmperes() {
        Map<String, BigDecimal> shares = LoadShare.of(amperes("16"), List.of("oldest", "second", "youngest"));

        assertThat(shares.get("oldest")).isEqualByComparingTo("8.0");
        assertThat(shares.get("second")).isEqualByComparingTo("8.0");
        assertThat(shares.get("youngest")).isEqualByComparingTo("0");
        assertThat(LoadShare.of(amperes("5"), List.of("only")).get("only")).isEqualByComparingTo("0");
    }

    @Test
    void sharesAPowerLimitInWattsWithTheSameRule() {
        Map<String, BigDecimal> shares = LoadShare.of(new LoadLimit(LoadLimit.WATTS, new BigDecimal("11000")),
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"));

        // 11000 / 9 = 1222 W is below 1380 W: seven sessions of 1571.4 W, two paused
        assertThat(shares.values().stream().filter(share -> share.signum() > 0))
                .hasSize(7).allSatisfy(share -> assertThat(share).isEqualByComparingTo("1571.4"));
        assertThat(shares.get("h")).isEqualByComparingTo("0");
        assertThat(LoadShare.of(amperes("32"), List.<String>of())).isEmpty();
    }

    private static LoadLimit amperes(String value) {
        return new LoadLimit(LoadLimit.AMPERES, new BigDecimal(value));
    }
}
