package org.evsettle.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.evsettle.testkit.ChargePointConnection;

/**
 * OCPP 1.6J as a Zaptec Go2 speaks it: BootNotification, StatusNotification per connector (0 and 1),
 * Authorize, StartTransaction (the transactionId is the central system's), MeterValues, StopTransaction.
 * It keeps what ChangeConfiguration sets and reports it to GetConfiguration (a charger fresh from the
 * factory: no key until the gateway sets it).
 */
final class Ocpp16Dialect implements OcppDialect {

    private static final Map<String, String> ACCEPTED = Map.of("status", "Accepted");

    private final String chargePointId;
    private final String idTag;
    private final Calls calls;
    private final TransactionLedger ledger;
    private final Map<String, String> configuration = new ConcurrentHashMap<>();
    /** The open transaction's id, from the StartTransaction answer (sessions never overlap). */
    private volatile int transactionId;

    Ocpp16Dialect(String chargePointId, String idTag, Calls calls, TransactionLedger ledger) {
        this.chargePointId = chargePointId;
        this.idTag = idTag;
        this.calls = calls;
        this.ledger = ledger;
    }

    @Override
    public String subprotocol() {
        return ChargePointConnection.SUBPROTOCOL;
    }

    @Override
    public void answerCommands(ChargePointConnection connection) {
        connection.onCall("GetConfiguration", payload -> Map.of("configurationKey", configurationKeys()))
                .onCall("ChangeConfiguration", payload -> {
                    configuration.put(payload.path("key").asText(), payload.path("value").asText());
                    return ACCEPTED;
                })
                .onOtherCalls(payload -> ACCEPTED);
    }

    private List<Map<String, Object>> configurationKeys() {
        return configuration.entrySet().stream()
                .map(key -> Map.<String, Object>of("key", key.getKey(), "readonly", false, "value", key.getValue()))
                .toList();
    }

    @Override
    public void boot() {
        call("BootNotification", Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go2",
                "chargePointSerialNumber", chargePointId, "firmwareVersion", "3.2.1.0"));
        call("StatusNotification", status(0, "Available"));
        call("StatusNotification", status(1, "Available"));
    }

    @Override
    public void heartbeat() {
        call("Heartbeat", Map.of());
    }

    @Override
    public CompletableFuture<Boolean> start(long meterStartWh) {
        call("Authorize", Map.of("idTag", idTag));
        call("StatusNotification", status(1, "Preparing"));
        return call("StartTransaction", Map.of("connectorId", 1, "idTag", idTag, "meterStart", meterStartWh,
                "timestamp", now().toString()))
                .thenApply(answer -> {
                    if (answer == null || !answer.has("transactionId")) {
                        return false;
                    }
                    transactionId = answer.get("transactionId").asInt();
                    ledger.started(chargePointId, transactionId);
                    call("StatusNotification", status(1, "Charging"));
                    return true;
                });
    }

    @Override
    public void sample(long meterWh, int powerW) {
        int transaction = transactionId;
        Instant sampledAt = now();
        String register = Long.toString(meterWh);
        call("MeterValues", Map.of("connectorId", 1, "transactionId", transaction, "meterValue", List.of(Map.of(
                "timestamp", sampledAt.toString(),
                "sampledValue", List.of(
                        Map.of("value", register, "measurand", "Energy.Active.Import.Register",
                                "unit", "Wh", "context", "Sample.Periodic"),
                        Map.of("value", Integer.toString(powerW), "measurand", "Power.Active.Import", "unit", "W",
                                "context", "Sample.Periodic"))))))
                .thenAccept(answer -> {
                    if (answer != null) {
                        ledger.sampled(chargePointId, transaction, sampledAt, register);
                    }
                });
    }

    @Override
    public void stop(long meterStopWh) {
        int transaction = transactionId;
        call("StopTransaction", Map.of("transactionId", transaction, "meterStop", meterStopWh, "idTag", idTag,
                "timestamp", now().toString(), "reason", "EVDisconnected"))
                .thenAccept(answer -> {
                    if (answer != null) {
                        ledger.stopped(chargePointId, transaction);
                    }
                });
        call("StatusNotification", status(1, "Available"));
    }

    private CompletableFuture<JsonNode> call(String action, Object payload) {
        return calls.call(action, action, payload);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Map<String, Object> status(int connectorId, String status) {
        return Map.of("connectorId", connectorId, "errorCode", "NoError", "status", status,
                "timestamp", now().toString());
    }
}
