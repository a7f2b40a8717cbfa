package org.evsettle.loadgen;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.evsettle.events.EventJson;

/**
 * One charger as a Zaptec or any OCPP 1.6J charger lives: connect with HTTP Basic, BootNotification,
 * StatusNotification per connector, a Heartbeat every interval, and sessions one after another
 * (Authorize, StartTransaction, MeterValues every interval with a rising energy register,
 * StopTransaction). Like a real charger it sends one CALL at a time and waits for its answer.
 * Everything is asynchronous: thousands of chargers share a few threads.
 */
final class SimulatedCharger {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final String chargePointId;
    private final String password;
    private final String idTag;
    private final Scenario scenario;
    private final Metrics metrics;
    private final ScheduledExecutorService timer;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<JsonNode> tail = CompletableFuture.completedFuture(null);
    private volatile WebSocket socket;
    private volatile boolean running = true;
    private long meterWh = 1_000_000 + ThreadLocalRandom.current().nextLong(50_000_000);

    private record Pending(String action, long sentAt, CompletableFuture<JsonNode> answer) {
    }

    SimulatedCharger(String chargePointId, String password, String idTag, Scenario scenario, Metrics metrics,
                     ScheduledExecutorService timer) {
        this.chargePointId = chargePointId;
        this.password = password;
        this.idTag = idTag;
        this.scenario = scenario;
        this.metrics = metrics;
        this.timer = timer;
    }

    /**
     * Connects and starts the charger's life; completes once the first attempt opened the socket or
     * failed. A failed attempt is counted with its reason and, like a real charger, tried again after
     * a pause of 10 to 30 s for as long as the run lasts.
     */
    CompletableFuture<Void> start(HttpClient client, URI gateway) {
        URI uri = gateway.resolve("/ocpp/" + URLEncoder.encode(chargePointId, StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((chargePointId + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.newWebSocketBuilder()
                .subprotocols("ocpp1.6")
                .header("Authorization", "Basic " + basic)
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, new Listener())
                .thenAccept(webSocket -> {
                    socket = webSocket;
                    metrics.connected();
                    boot();
                })
                .exceptionally(failure -> {
                    metrics.connectFailed(reason(failure));
                    if (running) {
                        timer.schedule(() -> start(client, gateway), 10 + ThreadLocalRandom.current().nextInt(21),
                                TimeUnit.SECONDS);
                    }
                    return null;
                });
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof WebSocketHandshakeException refused) {
            return "HTTP " + refused.getResponse().statusCode();
        }
        return cause.getClass().getSimpleName();
    }

    void stop() {
        running = false;
        WebSocket current = socket;
        if (current != null) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null);
        }
    }

    private void boot() {
        call("BootNotification", Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go2",
                "chargePointSerialNumber", chargePointId, "firmwareVersion", "3.2.1.0"));
        call("StatusNotification", status(0, "Available"));
        call("StatusNotification", status(1, "Available"));
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, scenario.heartbeatInterval().toMillis()));
        timer.scheduleAtFixedRate(() -> {
            if (running) {
                call("Heartbeat", Map.of());
            }
        }, jitter, scenario.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        later(randomUpTo(scenario.idleBetweenSessions()), this::session);
    }

    private void session() {
        if (!running) {
            return;
        }
        call("Authorize", Map.of("idTag", idTag));
        call("StatusNotification", status(1, "Preparing"));
        long meterStart = meterWh;
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        call("StartTransaction", Map.of("connectorId", 1, "idTag", idTag, "meterStart", meterStart,
                "timestamp", startedAt.toString()))
                .thenAccept(answer -> {
                    if (answer == null || !answer.has("transactionId")) {
                        later(scenario.idleBetweenSessions(), this::session);
                        return;
                    }
                    int transactionId = answer.get("transactionId").asInt();
                    call("StatusNotification", status(1, "Charging"));
                    long samples = Math.max(1, scenario.sessionLength().toMillis() / scenario.meterInterval().toMillis());
                    later(scenario.meterInterval(), () -> sample(transactionId, samples));
                });
    }

    private void sample(int transactionId, long samplesLeft) {
        if (!running) {
            return;
        }
        // 11 kW: the register rises by 11,000 Wh per hour of the meter interval
        meterWh += Math.max(1, 11_000 * scenario.meterInterval().toMillis() / 3_600_000);
        call("MeterValues", Map.of("connectorId", 1, "transactionId", transactionId, "meterValue", List.of(Map.of(
                "timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "sampledValue", List.of(
                        Map.of("value", Long.toString(meterWh), "measurand", "Energy.Active.Import.Register",
                                "unit", "Wh", "context", "Sample.Periodic"),
                        Map.of("value", "11000", "measurand", "Power.Active.Import", "unit", "W",
                                "context", "Sample.Periodic"))))));
        if (samplesLeft > 1) {
            later(scenario.meterInterval(), () -> sample(transactionId, samplesLeft - 1));
            return;
        }
        call("StopTransaction", Map.of("transactionId", transactionId, "meterStop", meterWh, "idTag", idTag,
                "timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "reason", "EVDisconnected"));
        call("StatusNotification", status(1, "Available"));
        later(scenario.idleBetweenSessions(), this::session);
    }

    /** Queues a CALL behind the previous one (one outstanding CALL per charger, as OCPP-J requires). */
    private synchronized CompletableFuture<JsonNode> call(String action, Object payload) {
        tail = tail.handle((previous, failure) -> null).thenCompose(ignored -> send(action, payload));
        return tail;
    }

    private CompletableFuture<JsonNode> send(String action, Object payload) {
        WebSocket current = socket;
        if (current == null || current.isOutputClosed() || !running) {
            return CompletableFuture.completedFuture(null);
        }
        String messageId = Long.toString(messageIds.incrementAndGet(), 36);
        ArrayNode frame = JSON.createArrayNode().add(2).add(messageId).add(action);
        frame.add(JSON.valueToTree(payload));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(messageId, new Pending(action, System.nanoTime(), answer));
        current.sendText(frame.toString(), true).exceptionally(failure -> {
            answer.complete(null);
            return null;
        });
        return answer.orTimeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).exceptionally(failure -> {
            pending.remove(messageId);
            metrics.timedOut(action);
            return null;
        });
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
        int type = frame.get(0).asInt();
        if (type == 2) {
            // a command from the central system: accept it
            socket.sendText("[3,\"" + messageId + "\",{\"status\":\"Accepted\"}]", true);
            return;
        }
        Pending call = pending.remove(messageId);
        if (call == null) {
            return;
        }
        if (type == 3) {
            metrics.answered(call.action(), System.nanoTime() - call.sentAt());
            call.answer().complete(frame.get(2));
        } else {
            metrics.callError(call.action());
            call.answer().complete(null);
        }
    }

    private void later(Duration delay, Runnable task) {
        if (running) {
            timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration randomUpTo(Duration limit) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, limit.toMillis())));
    }

    private static Map<String, Object> status(int connectorId, String status) {
        return Map.of("connectorId", connectorId, "errorCode", "NoError", "status", status,
                "timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    onFrame(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            metrics.disconnected();
            pending.values().forEach(p -> p.answer().complete(null));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (socket != null) {
                metrics.disconnected();
            }
            pending.values().forEach(p -> p.answer().complete(null));
        }
    }
}
