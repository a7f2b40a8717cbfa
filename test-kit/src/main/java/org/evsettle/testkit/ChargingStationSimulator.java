package org.evsettle.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * An OCPP 2.0.1 charging station over a real WebSocket (offering {@code ocpp2.0.1}), the 2.0.1
 * counterpart of {@link ChargePointSimulator}: each CALL waits for its CALLRESULT or throws its
 * CALLERROR, and the CSMS's CALLs are kept and answered by handlers. Its transactions follow
 * OCPP 2.0.1 part 2 E: the station names them, each TransactionEvent gets the next seqNo, and one
 * that was not answered (a CALLERROR, no answer, or the station offline) stays queued and is sent
 * again, in order, with the same seqNo and message id, offline ones flagged {@code offline}.
 * Energy goes out as Energy.Active.Import.Register in Wh, or in kWh with {@link #energyInKwh}.
 */
public final class ChargingStationSimulator implements AutoCloseable {

    public static final String SUBPROTOCOL = ChargePointConnection.SUBPROTOCOL_201;
    public static final String REGISTER = "Energy.Active.Import.Register";

    private final String chargePointId;
    private final ChargePointConnection connection;
    private final List<JsonNode> callsReceived = Collections.synchronizedList(new ArrayList<>());
    private final Deque<QueuedEvent> queue = new ArrayDeque<>();
    private volatile boolean offline;
    private volatile boolean energyInKwh;

    /** One of its transactions: its own id, its EVSE and connector, the card that started it, its next seqNo. */
    public static final class Transaction {
        private final String transactionId;
        private final int evseId;
        private final int connectorId;
        private final Map<String, Object> idToken;
        private int nextSeqNo;
        private boolean evseSent;

        private Transaction(String transactionId, int evseId, int connectorId, Map<String, Object> idToken) {
            this.transactionId = transactionId;
            this.evseId = evseId;
            this.connectorId = connectorId;
            this.idToken = idToken;
        }

        public String id() {
            return transactionId;
        }

        /** Skips seqNos, as a station whose events were lost (for gap tests). */
        public Transaction skipSeqNos(int count) {
            nextSeqNo += count;
            return this;
        }
    }

    /** A TransactionEvent that has its message id and seqNo for good, sent until answered. */
    public record QueuedEvent(String messageId, Map<String, Object> payload) {
        public int seqNo() {
            return (Integer) payload.get("seqNo");
        }

        public String eventType() {
            return (String) payload.get("eventType");
        }
    }

    private ChargingStationSimulator(String chargePointId, ChargePointConnection connection) {
        this.chargePointId = chargePointId;
        this.connection = connection;
    }

    /** Connects offering ocpp2.0.1 only; a refused handshake throws {@link ChargePointSimulator.HandshakeRefused}. */
    public static ChargingStationSimulator connect(URI gateway, String chargePointId, String password) {
        return connect(gateway, chargePointId, password, SUBPROTOCOL);
    }

    /** Connects offering these subprotocols, best first (the CSMS chooses: {@link #subprotocol()}). */
    public static ChargingStationSimulator connect(URI gateway, String chargePointId, String password,
                                                   String... subprotocols) {
        ChargePointConnection connection = new ChargePointConnection(chargePointId, subprotocols);
        ChargingStationSimulator station = new ChargingStationSimulator(chargePointId, connection);
        connection.onCallReceived(station.callsReceived::add);
        try {
            connection.open(HttpClient.newHttpClient(), gateway, password, Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            return station;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new ChargePointSimulator.HandshakeRefused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException("Cannot connect " + chargePointId + " to " + gateway + ": " + e.getCause(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Cannot connect " + chargePointId + " to " + gateway + ": " + e, e);
        }
    }

    public String chargePointId() {
        return chargePointId;
    }

    /** The subprotocol the CSMS chose at the handshake. */
    public String subprotocol() {
        return connection.subprotocol();
    }

    public ChargingStationSimulator callTimeout(Duration timeout) {
        connection.callTimeout(timeout);
        return this;
    }

    /** Reports energy in kWh (three decimals) instead of Wh, as many stations do. */
    public ChargingStationSimulator energyInKwh() {
        this.energyInKwh = true;
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

    /** Sends a raw text frame as it is (for malformed input). */
    public void sendText(String text) {
        connection.sendText(text).join();
    }

    public JsonNode boot() {
        return call("BootNotification", Map.of("reason", "PowerUp", "chargingStation", Map.of(
                "vendorName", "EV Settle", "model", "Sim-201", "serialNumber", "SIM-" + chargePointId,
                "firmwareVersion", "1.0.0")));
    }

    public JsonNode heartbeat() {
        return call("Heartbeat", Map.of());
    }

    public JsonNode status(int evseId, int connectorId, String connectorStatus) {
        return call("StatusNotification", Map.of("timestamp", now().toString(), "connectorStatus", connectorStatus,
                "evseId", evseId, "connectorId", connectorId));
    }

    /** Authorize with an RFID card (ISO14443, as MIFARE); returns the idTokenInfo. */
    public JsonNode authorize(String uid) {
        return call("Authorize", Map.of("idToken", rfid(uid))).get("idTokenInfo");
    }

    /** An ISO14443 (MIFARE) idToken. */
    public static Map<String, Object> rfid(String uid) {
        return Map.of("idToken", uid, "type", "ISO14443");
    }

    /** A new transaction on this EVSE's connector 1, started by this card (null: none yet). */
    public Transaction newTransaction(int evseId, String uid) {
        return new Transaction(UUID.randomUUID().toString(), evseId, 1, uid == null ? null : rfid(uid));
    }

    /** Started (trigger Authorized), with the register as Transaction.Begin; null while offline (queued). */
    public JsonNode started(Transaction transaction, long registerWh, Instant at) {
        return deliver(event(transaction, "Started", "Authorized", registerWh, "Transaction.Begin", at, null));
    }

    /** Updated (trigger MeterValuePeriodic) with the register; null while offline (queued). */
    public JsonNode updated(Transaction transaction, long registerWh, Instant at) {
        return deliver(event(transaction, "Updated", "MeterValuePeriodic", registerWh, "Sample.Periodic", at, null));
    }

    /** Ended (trigger EVCommunicationLost, stoppedReason EVDisconnected) with the register as Transaction.End. */
    public JsonNode ended(Transaction transaction, long registerWh, Instant at) {
        return deliver(event(transaction, "Ended", "EVCommunicationLost", registerWh, "Transaction.End", at,
                "EVDisconnected"));
    }

    /**
     * Makes the next TransactionEvent of the transaction (its seqNo taken for good) and queues it; a
     * null register sends no meter value. Send it with {@link #deliver}, or let {@link #online} do.
     */
    public synchronized QueuedEvent event(Transaction transaction, String eventType, String triggerReason,
                                          Long registerWh, String context, Instant at, String stoppedReason) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("transactionId", transaction.transactionId);
        if (stoppedReason != null) {
            info.put("stoppedReason", stoppedReason);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("eventType", eventType);
        payload.put("timestamp", at.toString());
        payload.put("triggerReason", triggerReason);
        payload.put("seqNo", transaction.nextSeqNo++);
        payload.put("transactionInfo", info);
        if (offline) {
            payload.put("offline", true);
        }
        if (!transaction.evseSent) {
            // 2.0.1: the EVSE goes with the first event of a transaction only
            payload.put("evse", Map.of("id", transaction.evseId, "connectorId", transaction.connectorId));
            transaction.evseSent = true;
        }
        if ("Started".equals(eventType) && transaction.idToken != null) {
            payload.put("idToken", transaction.idToken);
        }
        if (registerWh != null) {
            payload.put("meterValue", List.of(meterValue(registerWh, context, at)));
        }
        QueuedEvent queued = new QueuedEvent(chargePointId + "-" + transaction.transactionId.substring(0, 8) + "-"
                + payload.get("seqNo"), payload);
        queue.addLast(queued);
        return queued;
    }

    /** A meter value with the energy register (Wh, or kWh with multiplier 0 after {@link #energyInKwh}). */
    public Map<String, Object> meterValue(long registerWh, String context, Instant at) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("value", energyInKwh ? new BigDecimal(registerWh).movePointLeft(3) : registerWh);
        sample.put("context", context);
        sample.put("measurand", REGISTER);
        sample.put("unitOfMeasure", Map.of("unit", energyInKwh ? "kWh" : "Wh", "multiplier", 0));
        return Map.of("timestamp", at.toString(), "sampledValue", List.of(sample));
    }

    /**
     * Sends a queued TransactionEvent (the same message id and seqNo on every attempt) and returns its
     * answer, taking it off the queue; a CALLERROR throws and leaves it queued. Offline: returns null.
     */
    public JsonNode deliver(QueuedEvent event) {
        if (offline) {
            return null;
        }
        JsonNode answer = call(event.messageId(), "TransactionEvent", event.payload());
        synchronized (this) {
            queue.remove(event);
        }
        return answer;
    }

    /** Drops a queued TransactionEvent unsent, as a station whose offline queue overflowed or that lost power. */
    public synchronized ChargingStationSimulator lose(QueuedEvent event) {
        queue.remove(event);
        return this;
    }

    /** The TransactionEvents not answered yet, oldest first. */
    public synchronized List<QueuedEvent> queued() {
        return List.copyOf(queue);
    }

    /** Stops sending: TransactionEvents from now on are queued and flagged offline. */
    public ChargingStationSimulator offline() {
        this.offline = true;
        return this;
    }

    /** Back online: delivers the queue in order; a CALLERROR throws and leaves the rest queued. */
    public List<JsonNode> online() {
        this.offline = false;
        List<JsonNode> answers = new ArrayList<>();
        for (QueuedEvent event : queued()) {
            answers.add(deliver(event));
        }
        return answers;
    }

    /** MeterValues outside a transaction (evse 0 is the station's main meter). */
    public JsonNode meterValues(int evseId, long registerWh, Instant at) {
        return call("MeterValues", Map.of("evseId", evseId, "meterValue", List.of(
                meterValue(registerWh, "Sample.Periodic", at))));
    }

    /** Answers the CSMS's CALLs of this action with what the handler returns. */
    public ChargingStationSimulator onCall(String action, Function<JsonNode, Object> handler) {
        connection.onCall(action, handler);
        return this;
    }

    /** The CALLs the CSMS sent, as full frames. */
    public List<JsonNode> callsReceived() {
        synchronized (callsReceived) {
            return List.copyOf(callsReceived);
        }
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    public CompletableFuture<Integer> closed() {
        return connection.closed();
    }

    @Override
    public void close() {
        connection.close("bye").join();
        connection.abort();
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

    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
