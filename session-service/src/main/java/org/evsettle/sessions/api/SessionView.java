package org.evsettle.sessions.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.SessionStatus;

/** A session as the API shows it; energyKwh is energyWh in kWh with 3 decimals (12340 Wh is 12.340). */
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
        Instant stoppedAt,
        Long meterStartWh,
        Long meterStopWh,
        Long energyWh,
        BigDecimal energyKwh,
        String stopReason) {

    static SessionView of(ChargingSession s) {
        return new SessionView(s.id, s.status, s.heldReason, s.chargePointId, s.transactionId, s.connectorId,
                s.operatorId, s.siteId, s.chargerId, s.cardId, s.driverId, s.idTag, s.userType, s.startedAt,
                s.stoppedAt, s.meterStartWh, s.meterStopWh, s.energyWh,
                s.energyWh == null ? null : BigDecimal.valueOf(s.energyWh, 3), s.stopReason);
    }
}
