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
 * operator, period and its rule, filters, grouping, totals and time of generation; then one line per
 * group when grouped, otherwise one line per session. Times carry the operator's offset.
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
    public void begin(ReportHeader header, ReportFigures totals, List<ReportFigures> groups) throws IOException {
        this.header = header;
        comment("EV Settle charge report");
        comment("Operator: " + header.operatorName() + " (" + header.operatorId() + ")");
        comment("Period: " + header.from() + " to " + header.to() + " (" + header.zone() + ")");
        comment("Rule: " + ReportHeader.PERIOD_RULE);
        comment("Filters: " + header.filtersText());
        comment("Grouped by: " + (header.groupBy() == null ? "none (one line per session)" : header.groupBy().parameter()));
        comment("Totals: " + totals.sessions() + " sessions, " + totals.energyKwh().toPlainString() + " kWh, "
                + ReportText.duration(totals.connectedSeconds()) + " connected ("
                + ReportText.duration(totals.chargingSeconds()) + " charging, "
                + ReportText.duration(totals.idleSeconds()) + " idle), " + header.currency() + " "
                + totals.netAmount().toPlainString() + " net, " + totals.vatAmount().toPlainString() + " VAT, "
                + totals.grossAmount().toPlainString() + " gross; " + totals.unpricedSessions() + " not priced yet");
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

    @Override
    public void row(ReportRow row) throws IOException {
        line(List.of(row.sessionId().toString(), row.status(), ReportText.time(row.startedAt(), header.zone()),
                ReportText.time(row.stoppedAt(), header.zone()), ReportText.duration(row.connectedSeconds()),
                ReportText.duration(row.chargingSeconds()), ReportText.duration(row.idleSeconds()),
                plain(row.energyKwh()), ReportText.text(row.siteName()), Objects.requireNonNullElse(row.chargePointId(), ""),
                row.connectorId() == null ? "" : row.connectorId().toString(), ReportText.text(row.driverName()),
                ReportText.text(row.cardLabel()), ReportText.text(row.idTag()), ReportText.text(row.userType()),
                Objects.requireNonNullElse(row.currency(), ""), plain(row.netAmount()), plain(row.vatAmount()),
                plain(row.grossAmount())));
    }

    @Override
    public void end() throws IOException {
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
