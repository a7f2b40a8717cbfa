package org.evsettle.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules of a reimbursement statement (docs/companies.md): the operator owes it to the employee, so it never
 * enters receivables, dunning or direct debits; it carries no VAT unless the rate had one (a company billing itself
 * for a VAT-registered employee); and each calendar month on it is held to the rate's monthly cap by one ADJUSTMENT
 * line "Monthly cap" that brings the month's sessions down to the cap, recomputed whenever a line comes or goes.
 */
public final class ReimbursementStatements {

    public static final String MONTHLY_CAP = "Monthly cap";

    private ReimbursementStatements() {
    }

    /** Recomputes the monthly cap lines of an OPEN reimbursement statement. */
    public static void capMonths(Invoice statement, ZoneId zone) {
        statement.lines.stream().filter(ReimbursementStatements::isCapLine).toList().forEach(statement::remove);
        Map<YearMonth, List<InvoiceLine>> byMonth = statement.lines.stream()
                .filter(line -> line.kind == InvoiceLine.Kind.CHARGE)
                .collect(Collectors.groupingBy(line -> YearMonth.from(line.startedAt.atZone(zone)), TreeMap::new,
                        Collectors.toList()));
        byMonth.forEach((month, lines) -> {
            BigDecimal cap = lines.stream().map(line -> line.monthlyCap).filter(Objects::nonNull).min(BigDecimal::compareTo)
                    .orElse(null);
            BigDecimal total = lines.stream().map(line -> line.grossAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (cap != null && total.compareTo(cap) > 0) {
                Instant endOfMonth = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().minusSeconds(1);
                statement.add(InvoiceLine.adjustment(null, endOfMonth, MONTHLY_CAP + " " + month, "reimbursed "
                        + total.toPlainString() + ", capped at " + cap.toPlainString(), cap.subtract(total)));
            }
        });
    }

    static boolean isCapLine(InvoiceLine line) {
        return line.kind == InvoiceLine.Kind.ADJUSTMENT && line.sessionId == null;
    }

    /** The line that takes back a session's reimbursement paid out on statement number, on the supplementary one. */
    static InvoiceLine reversal(InvoiceLine paid, String number) {
        InvoiceLine line = InvoiceLine.adjustment(paid.sessionId, paid.startedAt, paid.description,
                LineNote.correctsShown(number), paid.grossAmount.negate());
        line.chargePointId = paid.chargePointId;
        line.transactionId = paid.transactionId;
        line.siteId = paid.siteId;
        line.siteName = paid.siteName;
        line.energyWh = -paid.energyWh;
        line.priceRevision = paid.priceRevision;
        return line;
    }
}
