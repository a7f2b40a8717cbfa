package org.evsettle.sessions.zaptec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One completed session of Zaptec's charge history, as the API's {@code chargehistory} or an uploaded file
 * gives it, checked ({@link ZaptecSessionReader}): energy in kWh as Zaptec wrote it, exactly.
 */
public record ZaptecSession(
        String id,
        String chargerId,
        String deviceId,
        String deviceName,
        Instant startDateTime,
        Instant endDateTime,
        BigDecimal energyKwh,
        String userId,
        String userEmail,
        String userFullName,
        String tokenName,
        List<EnergyDetail> energyDetails) {

    /** The energy of one interval: from its timestamp to the next one's (the last one's to the end). */
    public record EnergyDetail(Instant timestamp, BigDecimal energyKwh) {
    }

    /** The energy in Wh, the platform's unit, rounded half-up from Zaptec's kWh. */
    public long energyWh() {
        return wh(energyKwh);
    }

    static long wh(BigDecimal kwh) {
        return kwh.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * What billing reads of the session, in one string: a change of any of it at Zaptec becomes a
     * correction. Who charged is not part of it: a billed session keeps its driver.
     */
    public String fingerprint() {
        return startDateTime + "|" + endDateTime + "|" + energyKwh.stripTrailingZeros().toPlainString() + "|"
                + energyDetails.stream().map(d -> d.timestamp() + "=" + d.energyKwh().stripTrailingZeros()
                .toPlainString()).collect(Collectors.joining(";"));
    }
}
