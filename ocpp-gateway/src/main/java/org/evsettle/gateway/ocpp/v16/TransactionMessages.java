package org.evsettle.gateway.ocpp.v16;

import java.time.Instant;
import java.util.List;

/** OCPP 1.6 payloads of a transaction: StartTransaction, MeterValues, StopTransaction. */
public final class TransactionMessages {

    private TransactionMessages() {
    }

    public record StartTransactionRequest(
            int connectorId,
            String idTag,
            long meterStart,
            Integer reservationId,
            Instant timestamp) {
    }

    public record StartTransactionResponse(IdTagInfo idTagInfo, int transactionId) {
    }

    public record MeterValuesRequest(int connectorId, Integer transactionId, List<MeterValue> meterValue) {
    }

    public record MeterValuesResponse() {
    }

    public record StopTransactionRequest(
            int transactionId,
            long meterStop,
            Instant timestamp,
            String idTag,
            String reason,
            List<MeterValue> transactionData) {
    }

    /** idTagInfo only when the stop named an idTag. */
    public record StopTransactionResponse(IdTagInfo idTagInfo) {
    }

    public record MeterValue(Instant timestamp, List<SampledValue> sampledValue) {
    }

    public record SampledValue(
            String value,
            String context,
            String format,
            String measurand,
            String phase,
            String location,
            String unit) {
    }
}
