package org.evsettle.events.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChargePointIdsTest {

    @Test
    void acceptsSerialNumbersAndTheIdsAdminsRegister() {
        assertThat(ChargePointIds.isValid("ZCS000143")).isTrue();
        assertThat(ChargePointIds.isValid("CP-LINDE_01.a:2")).isTrue();
        assertThat(ChargePointIds.isValid("A".repeat(48))).isTrue();
    }

    @Test
    void refusesIdsThatCouldNotBeRegistered() {
        assertThat(ChargePointIds.isValid(null)).isFalse();
        assertThat(ChargePointIds.isValid("")).isFalse();
        assertThat(ChargePointIds.isValid("A".repeat(49))).isFalse();
        assertThat(ChargePointIds.isValid("CP 01")).isFalse();
        assertThat(ChargePointIds.isValid("CP%01")).isFalse();
        assertThat(ChargePointIds.isValid("ÇP01")).isFalse();
        assertThat(ChargePointIds.isValid("CP01\n")).isFalse();
    }
}
