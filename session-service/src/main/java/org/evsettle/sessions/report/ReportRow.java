package org.evsettle.sessions.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One session as the charge report lists it; names are the registry's, cost is null until priced. */
public record ReportRow(
        UUID sessionId,
        String status,
        Instant startedAt,
        Instant stoppedAt,
        Long connectedSeconds,
        Long chargingSeconds,
        Long idleSeconds,
        Long energyWh,
        UUID siteId,
        String siteName,
        UUID chargerId,
        String chargePointId,
        Integer connectorId,
        UUID driverId,
        String driverName,
        UUID cardId,
        String cardLabel,
        String idTag,
        String userType,
        String currency,
        BigDecimal netAmount,
        BigDecimal vatAmount,
        BigDecimal grossAmount) {

    public BigDecimal energyKwh() {
        return energyWh == null ? null : BigDecimal.valueOf(energyWh, 3);
    }
}
