package org.evsettle.gateway.ocpp.v201;

/** OCPP 2.0.1: its WebSocket subprotocol. */
public final class Ocpp201 {

    public static final String SUBPROTOCOL = "ocpp2.0.1";

    private Ocpp201() {
    }
}
