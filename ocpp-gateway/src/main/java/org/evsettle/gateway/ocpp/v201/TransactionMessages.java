package org.evsettle.gateway.ocpp.v201;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.evsettle.gateway.ocpp.v201.AuthorizationMessages.IdToken;
import org.evsettle.gateway.ocpp.v201.AuthorizationMessages.IdTokenInfo;

/** OCPP 2.0.1 payloads of charging: TransactionEvent (Started, Updated, Ended) and MeterValues. */
public final class TransactionMessages {

    private TransactionMessages() {
    }

    public record TransactionEventRequest(
            String eventType,
            Instant timestamp,
            String triggerReason,
            int seqNo,
            Boolean offline,
            Integer reservationId,
            TransactionInfo transactionInfo,
            IdToken idToken,
            Evse evse,
            List<MeterValue> meterValue) {

        boolean isOffline() {
            return Boolean.TRUE.equals(offline);
        }
    }

    /** transactionId is the station's own (at most 36 characters); stoppedReason only on Ended. */
    public record TransactionInfo(String transactionId, String chargingState, String stoppedReason) {
    }

    public record Evse(int id, Integer connectorId) {
    }

    /** idTokenInfo whenever the request carried an idToken. */
    public record TransactionEventResponse(IdTokenInfo idTokenInfo) {
    }

    public record MeterValuesRequest(int evseId, List<MeterValue> meterValue) {
    }

    public record MeterValuesResponse() {
    }

    public record MeterValue(Instant timestamp, List<SampledValue> sampledValue) {
    }

    /** value is a number (not a string as in 1.6), scaled by unitOfMeasure.multiplier (a power of ten). */
    public record SampledValue(
            BigDecimal value,
            String context,
            String measurand,
            String phase,
            String location,
            SignedMeterValue signedMeterValue,
            UnitOfMeasure unitOfMeasure) {
    }

    public record UnitOfMeasure(String unit, Integer multiplier) {
    }

    public record SignedMeterValue(String signedMeterData, String signingMethod, String encodingMethod,
                                   String publicKey) {
    }
}
