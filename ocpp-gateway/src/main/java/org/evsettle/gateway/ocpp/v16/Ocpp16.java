package org.evsettle.gateway.ocpp.v16;

/** OCPP 1.6J: its WebSocket subprotocol. */
public final class Ocpp16 {

    public static final String SUBPROTOCOL = "ocpp1.6";

    private Ocpp16() {
    }
}
