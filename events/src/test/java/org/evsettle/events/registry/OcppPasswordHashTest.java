package org.evsettle.events.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OcppPasswordHashTest {

    @Test
    void acceptsTheRightPasswordAndRejectsAWrongOne() {
        String stored = OcppPasswordHash.hash("correct horse battery staple");

        assertThat(OcppPasswordHash.matches("correct horse battery staple", stored)).isTrue();
        assertThat(OcppPasswordHash.matches("correct horse battery stapl", stored)).isFalse();
        assertThat(OcppPasswordHash.matches(null, stored)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(OcppPasswordHash.hash("same")).isNotEqualTo(OcppPasswordHash.hash("same"));
    }

    @Test
    void neverAcceptsAgainstAMalformedHash() {
        assertThat(OcppPasswordHash.matches("x", "plain-text")).isFalse();
        assertThat(OcppPasswordHash.matches("x", "pbkdf2-sha256$abc$!!$!!")).isFalse();
    }

    @Test
    void generatesFortyHexCharacters() {
        assertThat(OcppPasswordHash.generatePassword()).matches("[0-9A-F]{40}");
    }
}
