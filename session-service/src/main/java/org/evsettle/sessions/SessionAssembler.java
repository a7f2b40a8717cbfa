package org.evsettle.sessions;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.sessions.SessionIds;
import org.evsettle.sessions.messaging.SessionPublisher;

/**
 * Builds sessions from what chargers report, tolerant of order: a start, its meter values and its
 * stop may arrive in any order, and a session is settled (completed and announced, or held) the
 * moment both its start and its stop are in, once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionAssembler {

    private final SessionPublisher publisher;

    public SessionAssembler(SessionPublisher publisher) {
        this.publisher = publisher;
    }

    public void started(TransactionStarted started) {
        ChargingSession session = ChargingSession.ofTransaction(started.chargePointId(), started.transactionId());
        if (session.hasStart()) {
            Log.warnf("Ignored another start of session %s (%s transaction %d): the first one stands",
                    session.id, session.chargePointId, session.transactionId);
            return;
        }
        UUID driverId = started.authorization() == null ? null : started.authorization().driverId();
        session.recordStart(started, RegisteredDriver.userTypeOf(driverId).orElse(null));
        session.persist();
        settleWhenComplete(session);
    }

    public void sampled(MeterValuesSampled sampled) {
        if (sampled.transactionId() == null) {
            return; // a sample outside a transaction belongs to no session
        }
        UUID sessionId = SessionIds.of(sampled.chargePointId(), sampled.transactionId());
        keepSamples(sessionId, sampled.meterValue(), sampled.receivedAt());
    }

    public void stopped(TransactionStopped stopped) {
        ChargingSession session = ChargingSession.ofTransaction(stopped.chargePointId(), stopped.transactionId());
        if (session.hasStop()) {
            Log.warnf("Ignored another stop of session %s (%s transaction %d): the first one stands",
                    session.id, session.chargePointId, session.transactionId);
            return;
        }
        keepSamples(session.id, stopped.transactionData(), stopped.receivedAt());
        session.recordStop(stopped);
        session.persist();
        if (!session.hasStart()) {
            Log.infof("Session %s (%s transaction %d) stopped before its start arrived%s", session.id,
                    session.chargePointId, session.transactionId,
                    stopped.knownTransaction() ? "" : "; the gateway does not know this transaction");
        }
        settleWhenComplete(session);
    }

    private static void keepSamples(UUID sessionId, List<MeterValue> meterValues, Instant receivedAt) {
        EnergyRegister.readings(meterValues).forEach(reading -> MeterSample.record(sessionId, reading, receivedAt));
    }

    private void settleWhenComplete(ChargingSession session) {
        if (!session.hasStart() || !session.hasStop() || session.isSettled()) {
            return;
        }
        if (session.settle()) {
            publisher.completed(session.completed(MeterSample.of(session.id)));
            Log.infof("Session %s completed: %d Wh on %s", session.id, session.energyWh, session.chargePointId);
        } else {
            Log.warnf("Session %s held: %s", session.id, session.heldReason);
        }
    }
}
