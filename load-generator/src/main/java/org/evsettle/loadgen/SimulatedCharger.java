package org.evsettle.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.evsettle.testkit.ChargePointConnection;
import org.evsettle.testkit.OcppCallError;

/**
 * One charger as a Zaptec or any OCPP 1.6J charger lives: connect with HTTP Basic, BootNotification,
 * StatusNotification per connector, a Heartbeat every interval, and sessions one after another
 * (Authorize, StartTransaction, MeterValues every interval with a rising energy register,
 * StopTransaction). Like a real charger it sends one CALL at a time and waits for its answer, and when
 * the connection drops it reconnects after a pause (1 to {@code reconnect-within} s, then 10 to 30 s
 * between failed attempts) and sends again every transaction message that was not answered (its
 * queue), in order, before anything newer. It keeps what ChangeConfiguration sets and reports it to
 * GetConfiguration (a charger fresh from the factory: no key until the gateway sets it). Every answered transaction message goes into the
 * {@link TransactionLedger}. The OCPP itself is test-kit's {@link ChargePointConnection}; this is the
 * scenario and what it measures.
 */
final class SimulatedCharger {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Executor RESEND_PAUSE = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);
    private static final Map<String, String> ACCEPTED = Map.of("status", "Accepted");

    private final String chargePointId;
    private final String password;
    private final String idTag;
    private final Scenario scenario;
    private final Metrics metrics;
    private final ScheduledExecutorService timer;
    private final TransactionLedger ledger;
    /** The keys the central system set with ChangeConfiguration, reported back by GetConfiguration. */
    private final Map<String, String> configuration = new ConcurrentHashMap<>();
    private HttpClient client;
    private URI gateway;
    /** Completes with the open connection; replaced by an incomplete one while the charger is offline. */
    private volatile CompletableFuture<ChargePointConnection> online = new CompletableFuture<>();
    private CompletableFuture<JsonNode> tail = CompletableFuture.completedFuture(null);
    private volatile ChargePointConnection connection;
    private volatile boolean running = true;
    private long meterWh = 1_000_000 + ThreadLocalRandom.current().nextLong(50_000_000);

    SimulatedCharger(String chargePointId, String password, String idTag, Scenario scenario, Metrics metrics,
                     ScheduledExecutorService timer, TransactionLedger ledger) {
        this.ledger = ledger;
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
        this.client = client;
        this.gateway = gateway;
        return connect(true);
    }

    private CompletableFuture<Void> connect(boolean first) {
        ChargePointConnection attempt = new ChargePointConnection(chargePointId).callTimeout(CALL_TIMEOUT)
                .onCall("GetConfiguration", payload -> Map.of("configurationKey", configurationKeys()))
                .onCall("ChangeConfiguration", payload -> {
                    configuration.put(payload.path("key").asText(), payload.path("value").asText());
                    return ACCEPTED;
                })
                .onOtherCalls(payload -> ACCEPTED);
        return attempt.open(client, gateway, password, CONNECT_TIMEOUT)
                .thenAccept(opened -> {
                    connection = opened;
                    metrics.connected(!first);
                    opened.closed().thenRun(this::dropped);
                    online.complete(opened);
                    if (first) {
                        boot();
                    }
                })
                .exceptionally(failure -> {
                    metrics.connectFailed(reason(failure));
                    if (running) {
                        timer.schedule(() -> connect(first), 10 + ThreadLocalRandom.current().nextInt(21),
                                TimeUnit.SECONDS);
                    }
                    return null;
                });
    }

    /** The connection closed: offline until a new one is open, which is tried after a pause as chargers do. */
    private void dropped() {
        online = new CompletableFuture<>();
        metrics.disconnected();
        if (running) {
            long pause = 1_000 + ThreadLocalRandom.current().nextLong(Math.max(1, scenario.reconnectWithin().toMillis()));
            timer.schedule(() -> connect(false), pause, TimeUnit.MILLISECONDS);
        }
    }

    private List<Map<String, Object>> configurationKeys() {
        return configuration.entrySet().stream()
                .map(key -> Map.<String, Object>of("key", key.getKey(), "readonly", false, "value", key.getValue()))
                .toList();
    }

    private static String reason(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof WebSocketHandshakeException refused) {
            return "HTTP " + refused.getResponse().statusCode();
        }
        return cause.getClass().getSimpleName();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    void stop() {
        running = false;
        online.complete(null);
        ChargePointConnection current = connection;
        if (current != null) {
            current.close("done");
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
                    ledger.started(chargePointId, transactionId);
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
        Instant sampledAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String register = Long.toString(meterWh);
        call("MeterValues", Map.of("connectorId", 1, "transactionId", transactionId, "meterValue", List.of(Map.of(
                "timestamp", sampledAt.toString(),
                "sampledValue", List.of(
                        Map.of("value", register, "measurand", "Energy.Active.Import.Register",
                                "unit", "Wh", "context", "Sample.Periodic"),
                        Map.of("value", "11000", "measurand", "Power.Active.Import", "unit", "W",
                                "context", "Sample.Periodic"))))))
                .thenAccept(answer -> {
                    if (answer != null) {
                        ledger.sampled(chargePointId, transactionId, sampledAt, register);
                    }
                });
        if (samplesLeft > 1) {
            later(scenario.meterInterval(), () -> sample(transactionId, samplesLeft - 1));
            return;
        }
        call("StopTransaction", Map.of("transactionId", transactionId, "meterStop", meterWh, "idTag", idTag,
                "timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "reason", "EVDisconnected"))
                .thenAccept(answer -> {
                    if (answer != null) {
                        ledger.stopped(chargePointId, transactionId);
                    }
                });
        call("StatusNotification", status(1, "Available"));
        later(scenario.idleBetweenSessions(), this::session);
    }

    /** Queues a CALL behind the previous one (one outstanding CALL per charger, as OCPP-J requires). */
    private synchronized CompletableFuture<JsonNode> call(String action, Object payload) {
        tail = tail.handle((previous, failure) -> null).thenCompose(ignored -> send(action, payload));
        return tail;
    }

    /**
     * Sends one CALL and measures it; completes with the CALLRESULT payload, or null for anything else.
     * A transaction message without an answer (the connection dropped, or no answer in time) is sent
     * again once the charger is online, for as long as the run lasts; a CALLERROR is an answer.
     */
    private CompletableFuture<JsonNode> send(String action, Object payload) {
        boolean transaction = Metrics.TRANSACTION_MESSAGES.contains(action);
        ChargePointConnection current = connection;
        if (!running || (!transaction && (current == null || !current.isOpen()))) {
            return CompletableFuture.completedFuture(null);
        }
        return online.thenCompose(open -> {
            if (open == null) {
                return CompletableFuture.completedFuture((JsonNode) null);
            }
            long sentAt = System.nanoTime();
            return open.call(action, payload).handle((answer, failure) -> {
                if (failure == null) {
                    metrics.answered(action, System.nanoTime() - sentAt);
                    return CompletableFuture.completedFuture(answer);
                }
                Throwable cause = unwrap(failure);
                if (cause instanceof OcppCallError) {
                    metrics.callError(action);
                    return CompletableFuture.completedFuture((JsonNode) null);
                }
                if (cause instanceof TimeoutException) {
                    metrics.timedOut(action);
                }
                if (transaction && running) {
                    // once the connection is back (a pause first, so that a closing socket is not hammered)
                    metrics.resent(action);
                    return CompletableFuture.supplyAsync(() -> null, RESEND_PAUSE)
                            .thenCompose(ignored -> send(action, payload));
                }
                return CompletableFuture.completedFuture((JsonNode) null);
            }).thenCompose(next -> next);
        });
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
}
