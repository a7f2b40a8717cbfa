package org.evsettle.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void givesTheSameIdForTheSameFactSoARetryIsRecognised() {
        assertThat(EventIds.nameBased("ZAP-1", 42, "transaction-stopped"))
                .isEqualTo(EventIds.nameBased("ZAP-1", 42, "transaction-stopped"));
    }

    @Test
    void givesDifferentIdsForDifferentFacts() {
        assertThat(EventIds.nameBased("ZAP-1", 42, "transaction-stopped"))
                .isNotEqualTo(EventIds.nameBased("ZAP-1", 42, "transaction-started"))
                .isNotEqualTo(EventIds.nameBased("ZAP-1", 43, "transaction-stopped"));
    }

    @Test
    void cannotBeFooledBySeparatorsInsideParts() {
        assertThat(EventIds.nameBased("a|b", "c")).isNotEqualTo(EventIds.nameBased("a", "b|c"));
    }

    @Test
    void isAVersion5Uuid() {
        assertThat(EventIds.nameBased("x").version()).isEqualTo(5);
        assertThat(EventIds.nameBased("x").variant()).isEqualTo(2);
    }
}
