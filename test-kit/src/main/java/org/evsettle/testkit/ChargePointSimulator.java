package org.evsettle.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A charge point over a real WebSocket, speaking OCPP 1.6J, that a test drives step by step: each
 * CALL waits for its CALLRESULT or throws its CALLERROR, and the central system's CALLs are kept.
 * The main tool of the gateway and system tests; {@link ChargePointConnection} does the OCPP.
 */
public final class ChargePointSimulator implements AutoCloseable {

    public static final String SUBPROTOCOL = ChargePointConnection.SUBPROTOCOL;

    private final ChargePointConnection connection;
    private final List<JsonNode> callsReceived = Collections.synchronizedList(new ArrayList<>());

    private ChargePointSimulator(String chargePointId) {
        this.connection = new ChargePointConnection(chargePointId).onCallReceived(callsReceived::add);
    }

    /** Connects to {@code <gateway>/ocpp/<chargePointId>}; a refused handshake throws {@link HandshakeRefused}. */
    public static ChargePointSimulator connect(URI gateway, String chargePointId, String password) {
        return connect(HttpClient.newHttpClient(), gateway, chargePointId, password);
    }

    /**
     * Connects over {@code wss://} with this TLS (the CAs it trusts and, on security profile 3, its client
     * certificate); a null password sends no Basic credentials.
     */
    public static ChargePointSimulator connect(URI gateway, String chargePointId, String password, ChargerTls tls) {
        return connect(tls.newClient(), gateway, chargePointId, password);
    }

    private static ChargePointSimulator connect(HttpClient client, URI gateway, String chargePointId, String password) {
        ChargePointSimulator charger = new ChargePointSimulator(chargePointId);
        try {
            charger.connection.open(client, gateway, password, Duration.ofSeconds(10))
                    .get(15, TimeUnit.SECONDS);
            return charger;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException("Cannot connect " + chargePointId + " to " + gateway + ": " + e.getCause(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Cannot connect " + chargePointId + " to " + gateway + ": " + e, e);
        }
    }

    public String chargePointId() {
        return connection.chargePointId();
    }

    public String subprotocol() {
        return connection.subprotocol();
    }

    public ChargePointSimulator callTimeout(Duration timeout) {
        connection.callTimeout(timeout);
        return this;
    }

    /** Sends a CALL and returns the CALLRESULT payload; a CALLERROR throws {@link OcppCallError}. */
    public JsonNode call(String action, Object payload) {
        return answerOf(action, connection.call(action, payload).toCompletableFuture());
    }

    /** Sends a CALL with a chosen message id (a retry reuses its id). */
    public JsonNode call(String messageId, String action, Object payload) {
        return answerOf(action + " " + messageId, connection.call(messageId, action, payload).toCompletableFuture());
    }

    private JsonNode answerOf(String call, CompletableFuture<JsonNode> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OcppCallError error) {
                throw error;
            }
            if (e.getCause() instanceof TimeoutException) {
                throw new IllegalStateException("No answer to " + call + " within " + connection.callTimeout(), e);
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the answer to " + call, e);
        }
    }

    /** Sends a CALL without waiting (from a handler of the central system's calls, which must not block). */
    public CompletableFuture<JsonNode> callAsync(String action, Object payload) {
        return connection.call(action, payload).toCompletableFuture();
    }

    /** Sends a raw text frame as it is (for malformed input). */
    public void sendText(String text) {
        connection.sendText(text).join();
    }

    /** Answers the central system's CALLs of this action with what the handler returns. */
    public ChargePointSimulator onCall(String action, Function<JsonNode, Object> handler) {
        connection.onCall(action, handler);
        return this;
    }

    /** The CALLs the central system sent, as full frames. */
    public List<JsonNode> callsReceived() {
        synchronized (callsReceived) {
            return List.copyOf(callsReceived);
        }
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    /** The close status code, once the central system closed the connection. */
    public CompletableFuture<Integer> closed() {
        return connection.closed();
    }

    @Override
    public void close() {
        connection.close("bye").join();
        connection.abort();
    }

    /** The handshake was refused with an HTTP status (401 for bad credentials, for instance). */
    public static final class HandshakeRefused extends RuntimeException {
        private final int status;

        public HandshakeRefused(int status) {
            super("WebSocket handshake refused with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
