package org.evsettle.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldReasonsTest {

    private static final Instant START = Instant.parse("2026-03-29T00:45:00Z");

    @ParameterizedTest(name = "{0}, driver {1}, {2} min, {3} Wh -> {4}")
    @CsvSource(nullValues = "null", value = {
            // status,    driver, minutes, Wh,    held reason
            "Accepted,    true,   90,      12340, null",
            "Accepted,    true,   0,       0,     null",
            "Invalid,     true,   90,      12340, idTag not accepted (Invalid)",
            "Blocked,     true,   90,      12340, idTag not accepted (Blocked)",
            "null,        true,   90,      12340, idTag not accepted (no status)",
            "Accepted,    false,  90,      12340, no driver",
            "Accepted,    true,   -5,      12340, stopped before it started",
            "Accepted,    true,   90,      -100,  negative energy (-100 Wh)",
            "Invalid,     false,  90,      -100,  idTag not accepted (Invalid)",
    })
    void holdsWhatMayNotBeBilledAsItIs(String status, boolean withDriver, long minutes, long energyWh,
                                       String heldReason) {
        UUID driverId = withDriver ? UUID.randomUUID() : null;

        assertThat(HoldReasons.of(status, driverId, START, START.plusSeconds(minutes * 60), energyWh).orElse(null))
                .isEqualTo(heldReason);
    }
}
