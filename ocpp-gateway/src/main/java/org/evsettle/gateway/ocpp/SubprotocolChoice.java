package org.evsettle.gateway.ocpp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which OCPP version a charger speaks, from the subprotocols it offers at the handshake: OCPP 2.0.1
 * when offered, spoken by the gateway, switched on gateway-wide ({@code evsettle.gateway.ocpp201-enabled})
 * and allowed by the charger's operator ({@code ChargerSettings.ocpp201Allowed}), else 1.6 when offered;
 * none of ours is no choice. The gateway's preference wins over the order of the client's list.
 */
public final class SubprotocolChoice {

    public static final String OCPP201 = "ocpp2.0.1";
    public static final String OCPP16 = "ocpp1.6";
    /** Best first. */
    private static final List<String> PREFERENCE = List.of(OCPP201, OCPP16);

    private SubprotocolChoice() {
    }

    /** The subprotocol to speak with a client offering {@code offered} (the header's comma-separated list). */
    public static Optional<String> choose(String offered, Set<String> spoken, boolean ocpp201Allowed) {
        if (offered == null) {
            return Optional.empty();
        }
        List<String> offers = Arrays.stream(offered.split(",")).map(String::trim).toList();
        return PREFERENCE.stream()
                .filter(offers::contains)
                .filter(spoken::contains)
                .filter(protocol -> ocpp201Allowed || !OCPP201.equals(protocol))
                .findFirst();
    }
}
