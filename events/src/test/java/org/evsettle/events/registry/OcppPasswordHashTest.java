package org.evsettle.events.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void hashesAChosenPasswordWithOwaspsIterationCountAndStillReadsHashesOfTheEarlierCost() {
        String stored = OcppPasswordHash.hash("correct horse battery staple");
        // a hash as the registry stored it before the cost was raised
        String earlier = OcppPasswordHash.hash("correct horse battery staple", 30_000);

        assertThat(stored).startsWith("pbkdf2-sha256$600000$");
        assertThat(earlier).startsWith("pbkdf2-sha256$30000$");
        assertThat(OcppPasswordHash.matches("correct horse battery staple", earlier)).isTrue();
        assertThat(OcppPasswordHash.matches("correct horse battery stapl", earlier)).isFalse();
        assertThat(OcppPasswordHash.isCostly(earlier)).isTrue();
    }

    @Test
    void saltsEveryHash() {
        assertThat(OcppPasswordHash.hash("same")).isNotEqualTo(OcppPasswordHash.hash("same"));
    }

    @Test
    void neverAcceptsAgainstAMalformedHash() {
        assertThat(OcppPasswordHash.matches("x", "plain-text")).isFalse();
        assertThat(OcppPasswordHash.matches("x", "pbkdf2-sha256$abc$!!$!!")).isFalse();
        assertThat(OcppPasswordHash.matches("x", "sha256$!!$!!")).isFalse();
    }

    @Test
    void checksAGeneratedSecretWithTheFastSchemeAndAChosenPasswordWithTheSlowOne() {
        String secret = OcppPasswordHash.generatePassword();
        String fast = OcppPasswordHash.hashGenerated(secret);
        String slow = OcppPasswordHash.hash("correct horse battery staple");

        assertThat(fast).startsWith("sha256$");
        assertThat(OcppPasswordHash.matches(secret, fast)).isTrue();
        assertThat(OcppPasswordHash.matches(secret.toLowerCase(), fast)).isFalse();
        assertThat(OcppPasswordHash.hashGenerated(secret)).isNotEqualTo(fast);
        assertThat(OcppPasswordHash.isCostly(fast)).isFalse();
        assertThat(OcppPasswordHash.isCostly(slow)).isTrue();
    }

    @Test
    void refusesToStoreAShortSecretWithTheFastScheme() {
        assertThatThrownBy(() -> OcppPasswordHash.hashGenerated("0123456789ABCDEF"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesFortyHexCharacters() {
        assertThat(OcppPasswordHash.generatePassword()).matches("[0-9A-F]{40}");
    }
}
