package org.evsettle.gateway.ocpp.v16;

/** OCPP 1.6J: its WebSocket subprotocol and the settings the central system gives chargers. */
public final class Ocpp16 {

    public static final String SUBPROTOCOL = "ocpp1.6";
    /** Seconds between Heartbeats that BootNotification asks for. */
    public static final int HEARTBEAT_INTERVAL = 300;

    private Ocpp16() {
    }
}
