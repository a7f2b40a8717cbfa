package org.evsettle.sessions.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Adds up a report's figures as its sessions or groups go by, the way the aggregate query would: a
 * missing energy or duration counts as zero, a session without a price is counted apart.
 */
final class RunningTotals {

    private long sessions;
    private long energyWh;
    private long connectedSeconds;
    private long chargingSeconds;
    private long idleSeconds;
    private BigDecimal netAmount = BigDecimal.ZERO;
    private BigDecimal vatAmount = BigDecimal.ZERO;
    private BigDecimal grossAmount = BigDecimal.ZERO;
    private long unpricedSessions;

    /** The totals of a grouped report: every session is in exactly one group. */
    static ReportFigures of(List<ReportFigures> groups) {
        RunningTotals totals = new RunningTotals();
        groups.forEach(totals::add);
        return totals.figures();
    }

    void add(ReportRow row) {
        sessions++;
        energyWh += orZero(row.energyWh());
        connectedSeconds += orZero(row.connectedSeconds());
        chargingSeconds += orZero(row.chargingSeconds());
        idleSeconds += orZero(row.idleSeconds());
        if (row.currency() == null) {
            unpricedSessions++;
        } else {
            netAmount = netAmount.add(row.netAmount());
            vatAmount = vatAmount.add(row.vatAmount());
            grossAmount = grossAmount.add(row.grossAmount());
        }
    }

    void add(ReportFigures group) {
        sessions += group.sessions();
        energyWh += group.energyWh();
        connectedSeconds += group.connectedSeconds();
        chargingSeconds += group.chargingSeconds();
        idleSeconds += group.idleSeconds();
        netAmount = netAmount.add(group.netAmount());
        vatAmount = vatAmount.add(group.vatAmount());
        grossAmount = grossAmount.add(group.grossAmount());
        unpricedSessions += group.unpricedSessions();
    }

    ReportFigures figures() {
        return new ReportFigures(ChargeReport.TOTAL_KEY, ChargeReport.TOTAL_LABEL, sessions, energyWh,
                connectedSeconds, chargingSeconds, idleSeconds, ChargeReport.money(netAmount),
                ChargeReport.money(vatAmount), ChargeReport.money(grossAmount), unpricedSessions);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
