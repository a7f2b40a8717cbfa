package org.evsettle.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import org.evsettle.testkit.ChargePointConnection;

/**
 * What one OCPP version says in a simulated charger's life: its messages and its answers to the central
 * system's commands. The life itself (connecting, one CALL at a time, the queue of unanswered transaction
 * messages sent again after a reconnect, the rhythm of sessions and meter values) is {@link SimulatedCharger}'s,
 * the same for every version.
 */
interface OcppDialect {

    /** The charger's CALLs, sent one at a time in the order queued. */
    interface Calls {

        /**
         * Queues a CALL whose latency is recorded as {@code metric}; completes with its CALLRESULT payload, or
         * null without one (a CALLERROR; offline, for a message that is not a transaction message).
         */
        CompletableFuture<JsonNode> call(String action, String metric, Object payload);

        /** Whether the charger's connection is open now (a message made while offline says so in 2.0.1). */
        boolean online();
    }

    /** The WebSocket subprotocol of this version. */
    String subprotocol();

    /** Registers the answers to the central system's CALLs on a connection. */
    void answerCommands(ChargePointConnection connection);

    /** After the first connect: BootNotification and the connectors' status. */
    void boot();

    void heartbeat();

    /**
     * Authorizes the driver's card and starts a transaction at the register {@code meterStartWh}; completes
     * with true once the charger may go on charging (it has a transaction id), false if it may not.
     */
    CompletableFuture<Boolean> start(long meterStartWh);

    /** A periodic meter value of the open transaction: the energy register and the power. */
    void sample(long meterWh, int powerW);

    /** Ends the open transaction at the register {@code meterStopWh} and reports the connector available. */
    void stop(long meterStopWh);
}
