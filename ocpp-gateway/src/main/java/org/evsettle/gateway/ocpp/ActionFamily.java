package org.evsettle.gateway.ocpp;

import java.util.List;

/**
 * A handler class for a family of related actions of one OCPP version (for example boot, heartbeat
 * and status); the dispatcher finds every family bean and routes CALLs to its actions by name.
 */
public interface ActionFamily {

    /** The WebSocket subprotocol of the OCPP version these actions belong to, such as {@code ocpp1.6}. */
    String subprotocol();

    List<OcppAction<?, ?>> actions();
}
