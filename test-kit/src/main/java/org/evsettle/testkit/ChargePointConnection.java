package org.evsettle.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.evsettle.events.EventJson;

/**
 * A charge point's OCPP-J connection to a central system, asynchronous so that thousands share a
 * few threads: HTTP Basic and the offered subprotocols (ocpp1.6 unless told otherwise) at the handshake, CALLs answered by their
 * CALLRESULT or CALLERROR, the central system's CALLs answered by handlers. The one OCPP client of
 * {@link ChargePointSimulator} and the load generator.
 */
public final class ChargePointConnection {

    public static final String SUBPROTOCOL = "ocpp1.6";
    public static final String SUBPROTOCOL_201 = "ocpp2.0.1";
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final int CALL = 2;
    private static final int CALL_RESULT = 3;
    private static final int CALL_ERROR = 4;

    private final String chargePointId;
    private final String[] offeredSubprotocols;
    // unique across connections of one charger: the gateway derives event ids from the message id
    private final String messageIdPrefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + "-";
    private final AtomicLong messageIds = new AtomicLong();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Function<JsonNode, Object>> handlers = new ConcurrentHashMap<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Function<JsonNode, Object> otherCalls;
    private volatile Consumer<JsonNode> callReceived = frame -> { };
    private volatile Duration callTimeout = Duration.ofSeconds(30);
    private volatile WebSocket socket;

    public ChargePointConnection(String chargePointId) {
        this(chargePointId, SUBPROTOCOL);
    }

    /** A connection that offers these subprotocols at the handshake, best first (the central system chooses). */
    public ChargePointConnection(String chargePointId, String... offeredSubprotocols) {
        if (offeredSubprotocols.length == 0) {
            throw new IllegalArgumentException("A connection offers at least one subprotocol");
        }
        this.chargePointId = chargePointId;
        this.offeredSubprotocols = offeredSubprotocols.clone();
    }

    /**
     * Opens {@code <gateway>/ocpp/<chargePointId>} over the given client (a null password sends no
     * Authorization); a refused handshake fails with {@link java.net.http.WebSocketHandshakeException}.
     */
    public CompletableFuture<ChargePointConnection> open(HttpClient client, URI gateway, String password,
                                                         Duration connectTimeout) {
        URI uri = gateway.resolve("/ocpp/" + URLEncoder.encode(chargePointId, StandardCharsets.UTF_8).replace("+", "%20"));
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(connectTimeout).subprotocols(offeredSubprotocols[0],
                Arrays.copyOfRange(offeredSubprotocols, 1, offeredSubprotocols.length));
        if (password != null) {
            String credentials = chargePointId + ":" + password;
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder.buildAsync(uri, new Listener()).thenApply(webSocket -> this);
    }

    public String chargePointId() {
        return chargePointId;
    }

    public String subprotocol() {
        return socket().getSubprotocol();
    }

    /** How long a CALL waits for its answer before it fails with a {@link java.util.concurrent.TimeoutException}. */
    public ChargePointConnection callTimeout(Duration timeout) {
        this.callTimeout = timeout;
        return this;
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    /** Sends a CALL: completes with the CALLRESULT payload, or fails with {@link OcppCallError} for a CALLERROR. */
    public CompletionStage<JsonNode> call(String action, Object payload) {
        return call(messageIdPrefix + Long.toString(messageIds.incrementAndGet(), 36), action, payload);
    }

    /** Sends a CALL with a chosen message id (a retry reuses its id). */
    public CompletionStage<JsonNode> call(String messageId, String action, Object payload) {
        ArrayNode frame = JSON.createArrayNode().add(CALL).add(messageId).add(action);
        frame.add(JSON.valueToTree(payload));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(messageId, answer);
        answer.orTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, failure) -> pending.remove(messageId, answer));
        sendText(frame.toString()).whenComplete((webSocket, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            }
        });
        return answer;
    }

    /** Sends a text frame as it is (for malformed input). */
    public CompletableFuture<WebSocket> sendText(String text) {
        return socket().sendText(text, true);
    }

    /** Answers the central system's CALLs of this action with what the handler returns. */
    public ChargePointConnection onCall(String action, Function<JsonNode, Object> handler) {
        handlers.put(action, handler);
        return this;
    }

    /** Answers the CALLs no {@link #onCall} handler takes; without it they get a CALLERROR NotImplemented. */
    public ChargePointConnection onOtherCalls(Function<JsonNode, Object> handler) {
        this.otherCalls = handler;
        return this;
    }

    /** Sees every CALL of the central system, as its full frame, before it is answered. */
    public ChargePointConnection onCallReceived(Consumer<JsonNode> listener) {
        this.callReceived = listener;
        return this;
    }

    public boolean isOpen() {
        WebSocket current = socket;
        return current != null && !closed.isDone() && !current.isInputClosed() && !current.isOutputClosed();
    }

    /** The close status code once the central system closed the connection, -1 after an error. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** Sends a normal close (waiting up to 5 s for it to go out); completes, never fails, once done. */
    public CompletableFuture<Void> close(String reason) {
        WebSocket current = socket;
        if (current == null || current.isOutputClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        return current.sendClose(WebSocket.NORMAL_CLOSURE, reason).orTimeout(5, TimeUnit.SECONDS)
                .handle((webSocket, failure) -> null);
    }

    /** Drops the TCP connection at once. */
    public void abort() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    private WebSocket socket() {
        WebSocket current = socket;
        if (current == null) {
            throw new IllegalStateException(chargePointId + " is not connected");
        }
        return current;
    }

    private void onFrame(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (!frame.isArray() || frame.size() < 3) {
            return;
        }
        String messageId = frame.get(1).asText();
        switch (frame.get(0).asInt()) {
            case CALL_RESULT -> complete(messageId, frame.get(2), null);
            case CALL_ERROR -> complete(messageId, null, new OcppCallError(frame.get(2).asText(),
                    frame.size() > 3 ? frame.get(3).asText() : "", frame.size() > 4 ? frame.get(4) : null));
            case CALL -> answer(messageId, frame);
            default -> {
            }
        }
    }

    private void complete(String messageId, JsonNode result, OcppCallError error) {
        CompletableFuture<JsonNode> answer = pending.remove(messageId);
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
        callReceived.accept(frame);
        Function<JsonNode, Object> handler = handlers.getOrDefault(frame.get(2).asText(), otherCalls);
        ArrayNode reply = JSON.createArrayNode();
        if (handler == null) {
            reply.add(CALL_ERROR).add(messageId).add("NotImplemented").add("No handler in the simulator")
                    .add(JSON.createObjectNode());
        } else {
            reply.add(CALL_RESULT).add(messageId).add(JSON.valueToTree(handler.apply(frame.get(3))));
        }
        socket.sendText(reply.toString(), true);
    }

    private void failPending(Throwable failure) {
        pending.values().forEach(answer -> answer.completeExceptionally(failure));
    }

    private final class Listener implements WebSocket.Listener {
        // only for a message that arrives in fragments; most arrive whole
        private StringBuilder partial;

        @Override
        public void onOpen(WebSocket webSocket) {
            // before the handshake's future completes, so that an early CALL finds its socket
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last && partial == null) {
                onFrame(data.toString());
            } else {
                partial = partial == null ? new StringBuilder(data) : partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial = null;
                    onFrame(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            failPending(new IllegalStateException("Connection closed: " + statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
            failPending(error);
        }
    }
}
