package org.evsettle.sessions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventIds;
import org.evsettle.events.ocpp.ChargeAuthorization;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.StationTransaction;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.sessions.SessionIds;

/**
 * What a charger reports about one transaction, as the gateway publishes it: envelopes with
 * deterministic ids, so that publishing the same report twice repeats the same event.
 */
final class ChargerReports {

    static final String GATEWAY = "ocpp-gateway";

    final String chargePointId;
    final int transactionId;
    final ChargeAuthorization authorization;

    private ChargerReports(String chargePointId, int transactionId, ChargeAuthorization authorization) {
        this.chargePointId = chargePointId;
        this.transactionId = transactionId;
        this.authorization = authorization;
    }

    /** A transaction on a new charger. */
    static ChargerReports aTransaction(ChargeAuthorization authorization) {
        return new ChargerReports("CP-" + UUID.randomUUID().toString().substring(0, 8),
                ThreadLocalRandom.current().nextInt(1, 1_000_000), authorization);
    }

    /** A transaction on the charger of this id. */
    static ChargerReports onCharger(String chargePointId, ChargeAuthorization authorization) {
        return new ChargerReports(chargePointId, ThreadLocalRandom.current().nextInt(1, 1_000_000), authorization);
    }

    /** The next transaction on the same charger. */
    ChargerReports next(ChargeAuthorization authorization) {
        return new ChargerReports(chargePointId, transactionId + 1, authorization);
    }

    /** An idTag of a card of this driver, accepted by the gateway. */
    static ChargeAuthorization accepted(UUID operatorId, UUID driverId) {
        return authorization("Accepted", operatorId, driverId);
    }

    static ChargeAuthorization authorization(String status, UUID operatorId, UUID driverId) {
        return new ChargeAuthorization(status, operatorId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                driverId);
    }

    UUID sessionId() {
        return SessionIds.of(chargePointId, transactionId);
    }

    Envelope<TransactionStarted> started(long meterStartWh, Instant at) {
        TransactionStarted started = new TransactionStarted(chargePointId, transactionId, 1, "nfc-04:a2:b3:c4",
                meterStartWh, at, null, authorization, at.plusSeconds(1));
        return Envelope.of(EventIds.nameBased(chargePointId, "transaction-started", transactionId), GATEWAY, started,
                at.plusSeconds(1));
    }

    Envelope<MeterValuesSampled> sampled(Instant at, String value, String unit) {
        MeterValuesSampled sampled = new MeterValuesSampled(chargePointId, 1, transactionId,
                List.of(meterValue(at, value, unit)), at.plusSeconds(1));
        return Envelope.of(EventIds.nameBased(chargePointId, "meter-values-sampled", 1, transactionId, at), GATEWAY,
                sampled, at.plusSeconds(1));
    }

    /** Meter values sent in one message, as a charger that was offline uploads what it stored. */
    Envelope<MeterValuesSampled> sampled(List<MeterValue> meterValues) {
        Instant first = meterValues.get(0).timestamp();
        Instant sent = meterValues.get(meterValues.size() - 1).timestamp().plusSeconds(1);
        MeterValuesSampled sampled = new MeterValuesSampled(chargePointId, 1, transactionId, meterValues, sent);
        return Envelope.of(EventIds.nameBased(chargePointId, "meter-values-sampled", 1, transactionId, first), GATEWAY,
                sampled, sent);
    }

    Envelope<TransactionStopped> stopped(long meterStopWh, Instant at, MeterValue... transactionData) {
        TransactionStopped stopped = new TransactionStopped(chargePointId, transactionId, 1, "04A2B3C4", meterStopWh,
                at, "EVDisconnected", List.of(transactionData), true, at.plusSeconds(1));
        return Envelope.of(EventIds.nameBased(chargePointId, "transaction-stopped", transactionId), GATEWAY, stopped,
                at.plusSeconds(1));
    }

    /**
     * An OCPP 2.0.1 station's transaction as the gateway publishes it: Started with seqNo 0, Ended with
     * the seqNo given and the seqNos the gateway never received.
     */
    Envelope<TransactionStarted> stationStarted(String stationTransactionId, long meterStartWh, Instant at) {
        TransactionStarted started = new TransactionStarted(chargePointId, transactionId, 1, "04A2B3C4", meterStartWh,
                at, null, authorization, at.plusSeconds(1),
                station(stationTransactionId, 0, "Started", "Authorized", List.of()));
        return Envelope.of(EventIds.nameBased(chargePointId, "transaction-started", transactionId), GATEWAY, started,
                at.plusSeconds(1));
    }

    Envelope<TransactionStopped> stationEnded(String stationTransactionId, int seqNo, List<Integer> missingSeqNos,
                                              long meterStopWh, Instant at) {
        TransactionStopped stopped = new TransactionStopped(chargePointId, transactionId, 1, null, meterStopWh, at,
                "Local", List.of(), true, at.plusSeconds(1),
                station(stationTransactionId, seqNo, "Ended", "StopAuthorized", missingSeqNos));
        return Envelope.of(EventIds.nameBased(chargePointId, "transaction-stopped", transactionId), GATEWAY, stopped,
                at.plusSeconds(1));
    }

    /** A station's TransactionEvent Updated with a periodic sample of the register (kWh) and the power beside it. */
    Envelope<MeterValuesSampled> stationSampled(String stationTransactionId, int seqNo, Instant at,
                                                String registerKwh) {
        MeterValuesSampled sampled = new MeterValuesSampled(chargePointId, 1, transactionId,
                List.of(meterValue(at, registerKwh, "kWh")), at.plusSeconds(1),
                station(stationTransactionId, seqNo, "Updated", "MeterValuePeriodic", null));
        return Envelope.of(EventIds.nameBased(chargePointId, "meter-values-sampled", stationTransactionId, seqNo),
                GATEWAY, sampled, at.plusSeconds(1));
    }

    private static StationTransaction station(String stationTransactionId, int seqNo, String eventType,
                                              String triggerReason, List<Integer> missingSeqNos) {
        return new StationTransaction(stationTransactionId, seqNo, eventType, triggerReason, false, 1, 1, "Charging",
                missingSeqNos);
    }

    /** A StatusNotification of the transaction's connector at the charger's time. */
    Envelope<ChargerStatusChanged> status(String status, Instant at) {
        ChargerStatusChanged changed = new ChargerStatusChanged(chargePointId, 1, status, "NoError", null, at,
                at.plusSeconds(1));
        return Envelope.of(EventIds.nameBased(chargePointId, "status", 1, status, at), GATEWAY, changed,
                at.plusSeconds(1));
    }

    /** A periodic sample of the energy register (kWh) with the power (kW) drawn at that moment. */
    Envelope<MeterValuesSampled> sampledWithPower(Instant at, String registerKwh, String powerKw) {
        MeterValue value = new MeterValue(at, List.of(
                new SampledValue(powerKw, "Sample.Periodic", "Raw", PowerMeter.MEASURAND, null, "Outlet", "kW"),
                new SampledValue(registerKwh, "Sample.Periodic", "Raw", EnergyRegister.MEASURAND, null, "Outlet",
                        "kWh")));
        MeterValuesSampled sampled = new MeterValuesSampled(chargePointId, 1, transactionId, List.of(value),
                at.plusSeconds(1));
        return Envelope.of(EventIds.nameBased(chargePointId, "meter-values-sampled", 1, transactionId, at), GATEWAY,
                sampled, at.plusSeconds(1));
    }

    /** A periodic sample of the energy register, and the power beside it as chargers send it. */
    static MeterValue meterValue(Instant at, String value, String unit) {
        return new MeterValue(at, List.of(
                new SampledValue("7.4", "Sample.Periodic", "Raw", "Power.Active.Import", null, "Outlet", "kW"),
                new SampledValue(value, "Sample.Periodic", "Raw", EnergyRegister.MEASURAND, null, "Outlet", unit)));
    }
}
