package org.evsettle.sessions.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.sessions.AnomalyRule;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.SessionAnomaly;
import org.evsettle.sessions.SessionPrice;
import org.evsettle.sessions.SessionStatus;

/**
 * A session as the API shows it: energyKwh is energyWh in kWh with 3 decimals (12340 Wh is 12.340);
 * connected, charging and idle time in seconds; cost as tariff-service priced it (null until priced);
 * every anomaly found, open or resolved.
 */
public record SessionView(
        UUID sessionId,
        SessionStatus status,
        String heldReason,
        String chargePointId,
        int transactionId,
        Integer connectorId,
        UUID operatorId,
        UUID siteId,
        UUID chargerId,
        UUID cardId,
        UUID driverId,
        String idTag,
        String userType,
        Instant startedAt,
        Instant startReceivedAt,
        Instant stoppedAt,
        Instant stopReceivedAt,
        Long meterStartWh,
        Long meterStopWh,
        Long energyWh,
        BigDecimal energyKwh,
        String stopReason,
        ChargingSession.StopSource stopSource,
        Long connectedSeconds,
        Long chargingSeconds,
        Long idleSeconds,
        Cost cost,
        int correctionRevision,
        List<AnomalyView> anomalies) {

    /** The price of the session: net, VAT and gross in the operator's currency, under a tariff version. */
    public record Cost(String currency, BigDecimal netAmount, BigDecimal vatRate, BigDecimal vatAmount,
                       BigDecimal grossAmount, UUID tariffId, Integer tariffVersion, int revision) {

        static Cost of(SessionPrice price) {
            return price == null ? null : new Cost(price.currency, price.netAmount, price.vatRate, price.vatAmount,
                    price.grossAmount, price.tariffId, price.tariffVersion, price.revision);
        }
    }

    /** An anomaly found on the session; resolvedAt, resolvedBy and resolution are null while it is open. */
    public record AnomalyView(AnomalyRule rule, String detail, Instant detectedAt, Instant resolvedAt,
                              String resolvedBy, String resolution) {

        static AnomalyView of(SessionAnomaly anomaly) {
            return new AnomalyView(anomaly.rule, anomaly.detail, anomaly.detectedAt, anomaly.resolvedAt,
                    anomaly.resolvedBy, anomaly.resolution);
        }
    }

    static SessionView of(ChargingSession s, SessionPrice price, List<SessionAnomaly> anomalies) {
        return new SessionView(s.id, s.status, s.heldReason, s.chargePointId, s.transactionId, s.connectorId,
                s.operatorId, s.siteId, s.chargerId, s.cardId, s.driverId, s.idTag, s.userType, s.startedAt,
                s.startReceivedAt, s.stoppedAt, s.stopReceivedAt, s.meterStartWh, s.meterStopWh, s.energyWh,
                s.energyWh == null ? null : BigDecimal.valueOf(s.energyWh, 3), s.stopReason, s.stopSource,
                s.connectedSeconds, s.chargingSeconds, s.idleSeconds, Cost.of(price), s.correctionRevision,
                anomalies.stream().sorted((a, b) -> a.rule.compareTo(b.rule)).map(AnomalyView::of).toList());
    }
}
