package org.evsettle.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.evsettle.events.EventJson;

/**
 * A charge point over a real WebSocket, speaking OCPP 1.6J, that a test drives step by step: each
 * CALL waits for its CALLRESULT or throws its CALLERROR, and the central system's CALLs are kept.
 * The main tool of the gateway and system tests; {@link ChargePointConnection} does the OCPP.
 * <p>
 * Like a charger of the OCPP 1.6 security extension it takes a new password from ChangeConfiguration
 * {@code AuthorizationKey}: it answers Accepted, then closes its connection and connects again with the
 * new password (retrying while the handshake is refused, as a charger does); {@link #reconnected()}
 * completes then. {@link #answerAuthorizationKey} makes it answer Rejected or NotSupported instead.
 * Other configuration keys answer NotSupported unless the test handles ChangeConfiguration itself, and
 * GetConfiguration gets a CALLERROR NotImplemented, as from a charger without a configuration.
 * <p>
 * {@link #withConfiguration} gives it a {@link ChargerConfiguration} (a Zaptec native, Zaptec Cloud or generic
 * charger's keys): it then answers GetConfiguration and ChangeConfiguration from it, and during each
 * transaction it started ({@link #call} StartTransaction, until StopTransaction) it sends MeterValues every
 * {@code MeterValueSampleInterval} seconds with the measurands of {@code MeterValuesSampledData} (none while
 * the interval is 0, as a Zaptec charger fresh from the factory), its energy register rising at
 * {@link #CHARGING_WATTS}.
 */
public final class ChargePointSimulator implements AutoCloseable {

    public static final String SUBPROTOCOL = ChargePointConnection.SUBPROTOCOL;

    public static final String AUTHORIZATION_KEY = "AuthorizationKey";
    /** How often a charger that took a new password tries to connect with it before it gives up. */
    private static final int RECONNECT_ATTEMPTS = 40;
    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(250);

    private final String chargePointId;
    private final URI gateway;
    /** Where its HTTP clients come from: plain, or with its TLS (kept when it reconnects). */
    private final Supplier<HttpClient> clients;
    private final List<JsonNode> callsReceived = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<JsonNode, Object>> handlers = new ConcurrentHashMap<>();
    private final CompletableFuture<ChargePointSimulator> reconnected = new CompletableFuture<>();
    private volatile ChargePointConnection connection;
    private volatile String password;
    private volatile String authorizationKeyAnswer = "Accepted";
    private volatile Duration callTimeout;
    private volatile boolean closedByTest;
    private volatile ChargerConfiguration configuration;
    private final Map<Integer, OpenTransaction> transactions = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService sampler;

    /** The power a simulated charger with a configuration charges at, for its periodic meter values. */
    public static final int CHARGING_WATTS = 11_000;

    /** A transaction it started, for its periodic meter values. */
    private record OpenTransaction(int transactionId, int connectorId, long meterStart, long startedAtMillis,
                                   AtomicLong lastSampleMillis) {
    }

    private ChargePointSimulator(URI gateway, String chargePointId, String password, Supplier<HttpClient> clients) {
        this.gateway = gateway;
        this.clients = clients;
        this.chargePointId = chargePointId;
        this.password = password;
    }

    /** Connects to {@code <gateway>/ocpp/<chargePointId>}; a refused handshake throws {@link HandshakeRefused}. */
    public static ChargePointSimulator connect(URI gateway, String chargePointId, String password) {
        return connect(HttpClient::newHttpClient, gateway, chargePointId, password);
    }

    /**
     * Connects over {@code wss://} with this TLS (the CAs it trusts and, on security profile 3, its client
     * certificate); a null password sends no Basic credentials. A reconnect (a new AuthorizationKey) keeps
     * the TLS.
     */
    public static ChargePointSimulator connect(URI gateway, String chargePointId, String password, ChargerTls tls) {
        return connect(tls::newClient, gateway, chargePointId, password);
    }

    private static ChargePointSimulator connect(Supplier<HttpClient> clients, URI gateway, String chargePointId,
                                                String password) {
        ChargePointSimulator charger = new ChargePointSimulator(gateway, chargePointId, password, clients);
        charger.connection = charger.open(password);
        return charger;
    }

    private ChargePointConnection open(String withPassword) {
        ChargePointConnection opened = new ChargePointConnection(chargePointId).onCallReceived(callsReceived::add);
        handlers.forEach(opened::onCall);
        opened.onCall("ChangeConfiguration", this::changeConfiguration);
        if (configuration != null) {
            opened.onCall("GetConfiguration", configuration::getConfiguration);
        }
        if (callTimeout != null) {
            opened.callTimeout(callTimeout);
        }
        try {
            opened.open(clients.get(), gateway, withPassword, Duration.ofSeconds(10))
                    .get(15, TimeUnit.SECONDS);
            return opened;
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
        return chargePointId;
    }

    /** The password it presents: the one it connected with, or the AuthorizationKey it accepted since. */
    public String password() {
        return password;
    }

    /** How it answers ChangeConfiguration AuthorizationKey: Accepted (the default), Rejected or NotSupported. */
    public ChargePointSimulator answerAuthorizationKey(String status) {
        this.authorizationKeyAnswer = status;
        return this;
    }

    /** Completes once it accepted a new AuthorizationKey and is connected again with it. */
    public CompletableFuture<ChargePointSimulator> reconnected() {
        return reconnected;
    }

    /**
     * Gives it these configuration keys (GetConfiguration and ChangeConfiguration answered from them) and
     * periodic meter values during its transactions at their interval.
     */
    public synchronized ChargePointSimulator withConfiguration(ChargerConfiguration keys) {
        this.configuration = keys;
        connection.onCall("GetConfiguration", keys::getConfiguration);
        if (sampler == null) {
            sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sampler-" + chargePointId);
                thread.setDaemon(true);
                return thread;
            });
            sampler.scheduleWithFixedDelay(this::samplePeriodically, 200, 200, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Its configuration keys, when it has them. */
    public ChargerConfiguration configuration() {
        return configuration;
    }

    private Object changeConfiguration(JsonNode request) {
        if (!AUTHORIZATION_KEY.equals(request.path("key").asText())) {
            Function<JsonNode, Object> own = handlers.get("ChangeConfiguration");
            if (own != null) {
                return own.apply(request);
            }
            return configuration != null ? configuration.changeConfiguration(request) : Map.of("status", "NotSupported");
        }
        String answer = authorizationKeyAnswer;
        if ("Accepted".equals(answer)) {
            String newPassword = request.path("value").asText();
            // after the answer went out: close, then connect with the new key, as the security extension asks
            Executor later = CompletableFuture.delayedExecutor(RECONNECT_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            CompletableFuture.runAsync(() -> reconnectWith(newPassword), later);
        }
        return Map.of("status", answer);
    }

    private void reconnectWith(String newPassword) {
        ChargePointConnection old = connection;
        old.close("New AuthorizationKey").join();
        old.abort();
        password = newPassword;
        for (int attempt = 1; attempt <= RECONNECT_ATTEMPTS && !closedByTest; attempt++) {
            try {
                connection = open(newPassword);
                if (closedByTest) {
                    close();
                }
                reconnected.complete(this);
                return;
            } catch (RuntimeException refused) {
                if (attempt == RECONNECT_ATTEMPTS) {
                    reconnected.completeExceptionally(refused);
                    return;
                }
                CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(RECONNECT_PAUSE.toMillis(),
                        TimeUnit.MILLISECONDS)).join();
            }
        }
    }

    public String subprotocol() {
        return connection.subprotocol();
    }

    public ChargePointSimulator callTimeout(Duration timeout) {
        this.callTimeout = timeout;
        connection.callTimeout(timeout);
        return this;
    }

    /** Sends a CALL and returns the CALLRESULT payload; a CALLERROR throws {@link OcppCallError}. */
    public JsonNode call(String action, Object payload) {
        return followed(action, payload, answerOf(action, connection.call(action, payload).toCompletableFuture()));
    }

    /** Sends a CALL with a chosen message id (a retry reuses its id). */
    public JsonNode call(String messageId, String action, Object payload) {
        return followed(action, payload, answerOf(action + " " + messageId,
                connection.call(messageId, action, payload).toCompletableFuture()));
    }

    /** Keeps track of its transactions, for the periodic meter values of a charger with a configuration. */
    private JsonNode followed(String action, Object payload, JsonNode answer) {
        if (configuration == null) {
            return answer;
        }
        JsonNode request = EventJson.mapper().valueToTree(payload);
        if ("StartTransaction".equals(action) && answer.hasNonNull("transactionId")
                && "Accepted".equals(answer.at("/idTagInfo/status").asText())) {
            long now = System.currentTimeMillis();
            OpenTransaction started = new OpenTransaction(answer.get("transactionId").asInt(),
                    request.path("connectorId").asInt(1), request.path("meterStart").asLong(), now, new AtomicLong(now));
            transactions.put(started.transactionId(), started);
        } else if ("StopTransaction".equals(action)) {
            transactions.remove(request.path("transactionId").asInt());
        }
        return answer;
    }

    private void samplePeriodically() {
        try {
            ChargerConfiguration keys = configuration;
            int interval = keys == null ? 0 : keys.meterValueSampleInterval();
            if (interval <= 0 || !connection.isOpen()) {
                return;
            }
            long now = System.currentTimeMillis();
            for (OpenTransaction transaction : transactions.values()) {
                if (now - transaction.lastSampleMillis().get() >= interval * 1000L) {
                    transaction.lastSampleMillis().set(now);
                    callAsync("MeterValues", meterValues(keys, transaction, now));
                }
            }
        } catch (RuntimeException e) {
            // a sample that cannot go out now goes out at the next tick
        }
    }

    private static Map<String, Object> meterValues(ChargerConfiguration keys, OpenTransaction transaction, long now) {
        long wh = transaction.meterStart() + (now - transaction.startedAtMillis()) * CHARGING_WATTS / 3_600_000L;
        List<Map<String, Object>> sampled = new ArrayList<>();
        for (String measurand : keys.sampledData()) {
            if (ChargerConfiguration.ENERGY.equals(measurand)) {
                String value = "kWh".equals(keys.energyUnit())
                        ? new BigDecimal(wh).movePointLeft(3).setScale(3, RoundingMode.DOWN).toPlainString()
                        : Long.toString(wh);
                sampled.add(Map.of("value", value, "measurand", measurand, "unit", keys.energyUnit(),
                        "context", "Sample.Periodic"));
            } else if (ChargerConfiguration.POWER.equals(measurand)) {
                sampled.add(Map.of("value", Integer.toString(CHARGING_WATTS), "measurand", measurand, "unit", "W",
                        "context", "Sample.Periodic"));
            }
        }
        return Map.of("connectorId", transaction.connectorId(), "transactionId", transaction.transactionId(),
                "meterValue", List.of(Map.of("timestamp", Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.SECONDS)
                        .toString(), "sampledValue", sampled)));
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
        handlers.put(action, handler);
        if (!"ChangeConfiguration".equals(action)) {
            connection.onCall(action, handler);
        }
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
        closedByTest = true;
        if (sampler != null) {
            sampler.shutdownNow();
        }
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
