package org.evsettle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.evsettle.events.EventJson;
import org.evsettle.testkit.ChargePointSimulator.HandshakeRefused;

/**
 * A bare WebSocket client for what a well-behaved charge point never does: offer no subprotocol,
 * send frames that are not OCPP-J. Every text frame the gateway sends lands in a queue.
 */
final class RawSocket implements AutoCloseable {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    /** Completes with the close status once the gateway closes the connection. */
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    static RawSocket connect(URI gateway, String chargePointId, String password, String... subprotocols) {
        return connect(HttpClient.newHttpClient(), gateway, chargePointId, password, subprotocols);
    }

    /** Connects with the given client (one that trusts a test certificate, for wss://). */
    static RawSocket connect(HttpClient client, URI gateway, String chargePointId, String password,
                             String... subprotocols) {
        RawSocket raw = new RawSocket();
        WebSocket.Builder builder = client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (chargePointId + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        try {
            raw.socket = builder.buildAsync(gateway.resolve("/ocpp/" + chargePointId), raw.new Listener())
                    .get(15, TimeUnit.SECONDS);
            return raw;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame the gateway sent, as JSON; fails after the timeout. */
    JsonNode next(Duration timeout) {
        try {
            String text = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("No frame from the gateway within " + timeout);
            }
            return EventJson.mapper().readTree(text);
        } catch (InterruptedException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a frame and returns the gateway's answer to it. */
    JsonNode exchange(String text) {
        send(text);
        return next(Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        if (socket.isOutputClosed()) {
            socket.abort();
            return;
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
