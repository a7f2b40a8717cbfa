package org.evsettle.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.evsettle.testkit.ChargePointConnection;
import org.evsettle.testkit.OcppCallError;

/**
 * One charger's life, the same whatever OCPP version it speaks: connect with HTTP Basic, boot, a Heartbeat
 * every interval, and sessions one after another (authorize and start, a meter value every interval with a
 * register rising at 11 kW, stop, idle). Like a real charger it sends one CALL at a time and waits for its
 * answer, and when the connection drops it reconnects after a pause (1 to {@code reconnect-within} s, then
 * 10 to 30 s between failed attempts) and sends again every transaction message that was not answered (its
 * queue), in order, before anything newer. What it says is its {@link OcppDialect}: a 1.6 charger offers
 * {@code ocpp1.6}; a 2.0.1 station offers {@code ocpp2.0.1} first and {@code ocpp1.6} second and speaks
 * what the central system chose ({@link Ocpp201Dialect} or {@link Ocpp16Dialect}), counted in the
 * {@link Metrics}; after that it offers only that version, so that its queue stays in the version it was
 * made in. The OCPP-J itself is test-kit's {@link ChargePointConnection}; this is the scenario and what it
 * measures.
 */
final class SimulatedCharger {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Executor RESEND_PAUSE = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);
    private static final int POWER_W = 11_000;

    private final String chargePointId;
    private final String password;
    private final String idTag;
    private final boolean offers201;
    private final Scenario scenario;
    private final Metrics metrics;
    private final ScheduledExecutorService timer;
    private final TransactionLedger ledger;
    private HttpClient client;
    private URI gateway;
    /** What the charger speaks, chosen at its first connection (the one it boots on). */
    private volatile OcppDialect dialect;
    /** Completes with the open connection; replaced by an incomplete one while the charger is offline. */
    private volatile CompletableFuture<ChargePointConnection> online = new CompletableFuture<>();
    private CompletableFuture<JsonNode> tail = CompletableFuture.completedFuture(null);
    private volatile ChargePointConnection connection;
    private volatile boolean running = true;
    private long meterWh = 1_000_000 + ThreadLocalRandom.current().nextLong(50_000_000);

    /** A charger; {@code offers201}: a station that offers OCPP 2.0.1 before 1.6. */
    SimulatedCharger(String chargePointId, String password, String idTag, boolean offers201, Scenario scenario,
                     Metrics metrics, ScheduledExecutorService timer, TransactionLedger ledger) {
        this.ledger = ledger;
        this.chargePointId = chargePointId;
        this.password = password;
        this.idTag = idTag;
        this.offers201 = offers201;
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
        OcppDialect speaking = dialect;
        ChargePointConnection attempt = new ChargePointConnection(chargePointId, offered(speaking))
                .callTimeout(CALL_TIMEOUT);
        if (speaking != null) {
            speaking.answerCommands(attempt);
        }
        return attempt.open(client, gateway, password, CONNECT_TIMEOUT)
                .thenAccept(opened -> {
                    if (dialect == null) {
                        // the central system sends no command before the charger's BootNotification
                        dialect = dialectFor(opened.subprotocol());
                        dialect.answerCommands(opened);
                        metrics.negotiated(offers201, dialect.subprotocol());
                    }
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

    private String[] offered(OcppDialect speaking) {
        if (speaking != null) {
            return new String[] {speaking.subprotocol()};
        }
        return offers201 ? new String[] {ChargePointConnection.SUBPROTOCOL_201, ChargePointConnection.SUBPROTOCOL}
                : new String[] {ChargePointConnection.SUBPROTOCOL};
    }

    private OcppDialect dialectFor(String subprotocol) {
        OcppDialect.Calls calls = new OcppDialect.Calls() {
            @Override
            public CompletableFuture<JsonNode> call(String action, String metric, Object payload) {
                return SimulatedCharger.this.call(action, metric, payload);
            }

            @Override
            public boolean online() {
                return online.isDone();
            }
        };
        return ChargePointConnection.SUBPROTOCOL_201.equals(subprotocol)
                ? new Ocpp201Dialect(chargePointId, idTag, calls, ledger)
                : new Ocpp16Dialect(chargePointId, idTag, calls, ledger);
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
        dialect.boot();
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, scenario.heartbeatInterval().toMillis()));
        timer.scheduleAtFixedRate(() -> {
            if (running) {
                dialect.heartbeat();
            }
        }, jitter, scenario.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        later(randomUpTo(scenario.idleBetweenSessions()), this::session);
    }

    private void session() {
        if (!running) {
            return;
        }
        dialect.start(meterWh).thenAccept(started -> {
            if (!started) {
                later(scenario.idleBetweenSessions(), this::session);
                return;
            }
            long samples = Math.max(1, scenario.sessionLength().toMillis() / scenario.meterInterval().toMillis());
            later(scenario.meterInterval(), () -> sample(samples));
        });
    }

    private void sample(long samplesLeft) {
        if (!running) {
            return;
        }
        // 11 kW: the register rises by 11,000 Wh per hour of the meter interval
        meterWh += Math.max(1, POWER_W * scenario.meterInterval().toMillis() / 3_600_000);
        dialect.sample(meterWh, POWER_W);
        if (samplesLeft > 1) {
            later(scenario.meterInterval(), () -> sample(samplesLeft - 1));
            return;
        }
        dialect.stop(meterWh);
        later(scenario.idleBetweenSessions(), this::session);
    }

    /** Queues a CALL behind the previous one (one outstanding CALL per charger, as OCPP-J requires). */
    private synchronized CompletableFuture<JsonNode> call(String action, String metric, Object payload) {
        tail = tail.handle((previous, failure) -> null).thenCompose(ignored -> send(action, metric, payload));
        return tail;
    }

    /**
     * Sends one CALL and measures it; completes with the CALLRESULT payload, or null for anything else.
     * A transaction message without an answer (the connection dropped, or no answer in time) is sent
     * again, the same payload, once the charger is online, for as long as the run lasts; a CALLERROR is an answer.
     */
    private CompletableFuture<JsonNode> send(String action, String metric, Object payload) {
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
                    metrics.answered(metric, transaction, System.nanoTime() - sentAt);
                    return CompletableFuture.completedFuture(answer);
                }
                Throwable cause = unwrap(failure);
                if (cause instanceof OcppCallError) {
                    metrics.callError(metric);
                    return CompletableFuture.completedFuture((JsonNode) null);
                }
                if (cause instanceof TimeoutException) {
                    metrics.timedOut(metric);
                }
                if (transaction && running) {
                    // once the connection is back (a pause first, so that a closing socket is not hammered)
                    metrics.resent(metric);
                    return CompletableFuture.supplyAsync(() -> null, RESEND_PAUSE)
                            .thenCompose(ignored -> send(action, metric, payload));
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
}
