package org.evsettle.sessions.report;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.evsettle.kit.api.Filters;

/**
 * The local dates a charge report covers, both inclusive, in the operator's calendar: the dates asked
 * for; without either, the current month; with one of them alone, that date's month from or up to it.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** The period asked for on the operator's today; 400 naming {@code to} when it lies before {@code from}. */
    public static ReportPeriod of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate first = from != null ? from : (to == null ? today : to).withDayOfMonth(1);
        LocalDate last = to != null ? to : first.with(TemporalAdjusters.lastDayOfMonth());
        Filters.requireOrdered("from", first, "to", last);
        return new ReportPeriod(first, last);
    }
}
