package org.evsettle.sessions.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The charge report as CSV (RFC 4180, comma-separated, UTF-8): a header of {@code #} lines naming the
 * operator, period and its rule, filters, grouping and time of generation; then one line per group when
 * grouped, otherwise one line per session; then the totals, a {@code #} line of their own at the end (so
 * that the report is read from the database once). Times carry the operator's offset.
 */
public final class CsvReportWriter implements ReportWriter {

    static final List<String> SESSION_COLUMNS = List.of("Session", "Status", "Started", "Stopped", "Duration",
            "Charging", "Idle", "Energy (kWh)", "Site", "Charger", "Connector", "Driver", "Card", "ID tag",
            "User type", "Currency", "Net", "VAT", "Gross");
    /** After the group's label (named after the grouping: Driver, Day, ...). */
    static final List<String> GROUP_COLUMNS = List.of("Key", "Sessions", "Energy (kWh)", "Duration",
            "Charging", "Idle", "Currency", "Net", "VAT", "Gross", "Unpriced sessions");

    private final Writer out;
    private ReportHeader header;

    public CsvReportWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public boolean totalsFirst() {
        return false;
    }

    @Override
    public void begin(ReportHeader header, ReportFigures totals, List<ReportFigures> groups) throws IOException {
        this.header = header;
        comment("EV Settle charge report");
        comment("Operator: " + header.operatorName() + " (" + header.operatorId() + ")");
        comment("Period: " + header.from() + " to " + header.to() + " (" + header.zone() + ")");
        comment("Rule: " + ReportHeader.PERIOD_RULE);
        comment("Filters: " + header.filtersText());
        comment("Grouped by: " + (header.groupBy() == null ? "none (one line per session)" : header.groupBy().parameter()));
        comment("Generated: " + ReportText.LOCAL_TIME.format(header.generatedAt()));
        if (header.groupBy() == null) {
            line(SESSION_COLUMNS);
            return;
        }
        List<String> columns = new ArrayList<>();
        columns.add(label(header.groupBy()));
        columns.addAll(GROUP_COLUMNS);
        line(columns);
        for (ReportFigures group : groups) {
            line(List.of(ReportText.text(Objects.requireNonNullElse(group.label(), "(none)")),
                    Objects.requireNonNullElse(group.key(), ""), Long.toString(group.sessions()),
                    group.energyKwh().toPlainString(), ReportText.duration(group.connectedSeconds()),
                    ReportText.duration(group.chargingSeconds()), ReportText.duration(group.idleSeconds()),
                    header.currency(), group.netAmount().toPlainString(), group.vatAmount().toPlainString(),
                    group.grossAmount().toPlainString(), Long.toString(group.unpricedSessions())));
        }
    }

    @Override
    public boolean wantsRows() {
        return header.groupBy() == null;
    }

    /** One session; its cells are written as they are made, without a list per line. */
    @Override
    public void row(ReportRow row) throws IOException {
        out.write(row.sessionId().toString());
        next(row.status());
        next(ReportText.time(row.startedAt(), header.zone()));
        next(ReportText.time(row.stoppedAt(), header.zone()));
        next(ReportText.duration(row.connectedSeconds()));
        next(ReportText.duration(row.chargingSeconds()));
        next(ReportText.duration(row.idleSeconds()));
        next(kwh(row.energyWh()));
        next(ReportText.text(row.siteName()));
        next(row.chargePointId());
        next(row.connectorId() == null ? "" : row.connectorId().toString());
        next(ReportText.text(row.driverName()));
        next(ReportText.text(row.cardLabel()));
        next(ReportText.text(row.idTag()));
        next(ReportText.text(row.userType()));
        next(row.currency());
        next(plain(row.netAmount()));
        next(plain(row.vatAmount()));
        next(plain(row.grossAmount()));
        out.write("\r\n");
    }

    @Override
    public void end(ReportFigures totals) throws IOException {
        comment("Totals: " + totals.sessions() + " sessions, " + totals.energyKwh().toPlainString() + " kWh, "
                + ReportText.duration(totals.connectedSeconds()) + " connected ("
                + ReportText.duration(totals.chargingSeconds()) + " charging, "
                + ReportText.duration(totals.idleSeconds()) + " idle), " + header.currency() + " "
                + totals.netAmount().toPlainString() + " net, " + totals.vatAmount().toPlainString() + " VAT, "
                + totals.grossAmount().toPlainString() + " gross; " + totals.unpricedSessions() + " not priced yet");
        out.flush();
    }

    private static String label(Grouping grouping) {
        String name = grouping.parameter();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private void comment(String text) throws IOException {
        out.write("# ");
        out.write(text.replace('\n', ' ').replace('\r', ' '));
        out.write("\r\n");
    }

    private void line(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    private void next(String value) throws IOException {
        out.write(',');
        out.write(cell(value));
    }

    /** Wh as kWh with three decimals (12340 is 12.340), as BigDecimal.valueOf(wh, 3) writes it. */
    static String kwh(Long wh) {
        if (wh == null) {
            return "";
        }
        if (wh < 0) {
            return BigDecimal.valueOf(wh, 3).toPlainString();
        }
        long milli = wh % 1000;
        return wh / 1000 + (milli < 10 ? ".00" : milli < 100 ? ".0" : ".") + milli;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
