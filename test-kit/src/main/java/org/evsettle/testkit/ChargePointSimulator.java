package org.evsettle.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.evsettle.events.EventJson;

/**
 * A charge point over a real WebSocket, speaking OCPP 1.6J: HTTP Basic at the handshake, subprotocol
 * ocpp1.6, CALLs with their CALLRESULT or CALLERROR, and answers to the central system's CALLs.
 * The main tool of the gateway and system tests.
 */
public final class ChargePointSimulator implements AutoCloseable {

    public static final String SUBPROTOCOL = "ocpp1.6";
    private static final ObjectMapper JSON = EventJson.mapper();

    private final String chargePointId;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Function<JsonNode, Object>> handlers = new ConcurrentHashMap<>();
    private final List<JsonNode> callsReceived = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile WebSocket socket;
    private Duration callTimeout = Duration.ofSeconds(30);

    private ChargePointSimulator(String chargePointId) {
        this.chargePointId = chargePointId;
    }

    /** Connects to {@code <gateway>/ocpp/<chargePointId>}; a refused handshake throws {@link HandshakeRefused}. */
    public static ChargePointSimulator connect(URI gateway, String chargePointId, String password) {
        ChargePointSimulator charger = new ChargePointSimulator(chargePointId);
        URI uri = gateway.resolve("/ocpp/" + URLEncoder.encode(chargePointId, StandardCharsets.UTF_8).replace("+", "%20"));
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .subprotocols(SUBPROTOCOL);
        if (password != null) {
            String credentials = chargePointId + ":" + password;
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            charger.socket = builder.buildAsync(uri, charger.new Listener()).get(15, TimeUnit.SECONDS);
            return charger;
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException("Cannot connect " + chargePointId + " to " + uri + ": " + e.getCause(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Cannot connect " + chargePointId + " to " + uri + ": " + e, e);
        }
    }

    public String chargePointId() {
        return chargePointId;
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public ChargePointSimulator callTimeout(Duration timeout) {
        this.callTimeout = timeout;
        return this;
    }

    /** Sends a CALL and returns the CALLRESULT payload; a CALLERROR throws {@link OcppCallError}. */
    public JsonNode call(String action, Object payload) {
        return call(UUID.randomUUID().toString(), action, payload);
    }

    /** Sends a CALL with a chosen message id (a retry reuses its id). */
    public JsonNode call(String messageId, String action, Object payload) {
        ArrayNode frame = JSON.createArrayNode().add(2).add(messageId).add(action);
        frame.add(JSON.valueToTree(payload));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(messageId, answer);
        sendText(frame.toString());
        try {
            return answer.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OcppCallError error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("No answer to " + action + " " + messageId + " within " + callTimeout, e);
        } finally {
            pending.remove(messageId);
        }
    }

    /** Sends a raw text frame as it is (for malformed input). */
    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** Answers the central system's CALLs of this action with what the handler returns. */
    public ChargePointSimulator onCall(String action, Function<JsonNode, Object> handler) {
        handlers.put(action, handler);
        return this;
    }

    /** The CALLs the central system sent, as full frames. */
    public List<JsonNode> callsReceived() {
        synchronized (callsReceived) {
            return List.copyOf(callsReceived);
        }
    }

    public boolean isOpen() {
        return !closed.isDone() && !socket.isInputClosed();
    }

    /** The close status code, once the central system closed the connection. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        if (socket != null) {
            socket.abort();
        }
    }

    private void onFrame(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (java.io.IOException e) {
            return;
        }
        if (!frame.isArray() || frame.size() < 3) {
            return;
        }
        String messageId = frame.get(1).asText();
        switch (frame.get(0).asInt()) {
            case 3 -> complete(messageId, frame.get(2), null);
            case 4 -> complete(messageId, null, new OcppCallError(frame.get(2).asText(),
                    frame.size() > 3 ? frame.get(3).asText() : "", frame.size() > 4 ? frame.get(4) : null));
            case 2 -> answer(messageId, frame);
            default -> {
            }
        }
    }

    private void complete(String messageId, JsonNode result, OcppCallError error) {
        CompletableFuture<JsonNode> answer = pending.get(messageId);
        if (answer == null) {
            return;
        }
        if (error != null) {
            answer.completeExceptionally(error);
        } else {
            answer.complete(result);
        }
    }

    private void answer(String messageId, JsonNode frame) {
        callsReceived.add(frame);
        Function<JsonNode, Object> handler = handlers.get(frame.get(2).asText());
        ArrayNode reply = JSON.createArrayNode();
        if (handler == null) {
            reply.add(4).add(messageId).add("NotImplemented").add("No handler in the simulator").add(JSON.createObjectNode());
        } else {
            reply.add(3).add(messageId).add(JSON.valueToTree(handler.apply(frame.get(3))));
        }
        socket.sendText(reply.toString(), true);
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

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onFrame(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            pending.values().forEach(p -> p.completeExceptionally(new IllegalStateException("Connection closed: " + statusCode)));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
            pending.values().forEach(p -> p.completeExceptionally(error));
        }
    }
}
