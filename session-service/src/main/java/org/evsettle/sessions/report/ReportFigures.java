package org.evsettle.sessions.report;

import java.math.BigDecimal;

/**
 * The totals of a set of sessions (the whole report, or one group): count, energy, connected,
 * charging and idle time, and cost (net, VAT, gross) of the priced ones; unpriced counts the rest.
 */
public record ReportFigures(
        String key,
        String label,
        long sessions,
        long energyWh,
        long connectedSeconds,
        long chargingSeconds,
        long idleSeconds,
        BigDecimal netAmount,
        BigDecimal vatAmount,
        BigDecimal grossAmount,
        long unpricedSessions) {

    public BigDecimal energyKwh() {
        return BigDecimal.valueOf(energyWh, 3);
    }
}
