package org.evsettle.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The version a charger speaks, from what it offers, what the gateway speaks and what is allowed. */
class SubprotocolChoiceTest {

    private static final Set<String> BOTH = Set.of("ocpp1.6", "ocpp2.0.1");

    @Test
    void prefers201WhenOfferedWhateverTheClientsOrder() {
        assertThat(SubprotocolChoice.choose("ocpp1.6, ocpp2.0.1", BOTH, true)).contains("ocpp2.0.1");
        assertThat(SubprotocolChoice.choose("ocpp2.0.1,ocpp1.6", BOTH, true)).contains("ocpp2.0.1");
        assertThat(SubprotocolChoice.choose("ocpp2.0.1", BOTH, true)).contains("ocpp2.0.1");
    }

    @Test
    void fallsBackTo16When201IsNotAllowedOrNotSpoken() {
        assertThat(SubprotocolChoice.choose("ocpp2.0.1, ocpp1.6", BOTH, false)).contains("ocpp1.6");
        assertThat(SubprotocolChoice.choose("ocpp2.0.1, ocpp1.6", Set.of("ocpp1.6"), true)).contains("ocpp1.6");
        assertThat(SubprotocolChoice.choose("ocpp1.6", BOTH, true)).contains("ocpp1.6");
    }

    @Test
    void choosesNothingWhenNoneOfOursIsOffered() {
        assertThat(SubprotocolChoice.choose("ocpp2.0.1", BOTH, false)).isEmpty();
        assertThat(SubprotocolChoice.choose("ocpp1.5, wamp", BOTH, true)).isEmpty();
        assertThat(SubprotocolChoice.choose(null, BOTH, true)).isEmpty();
    }
}
