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
import org.evsettle.kit.text.SpreadsheetCells;

/**
 * The charge report as CSV (RFC 4180, comma-separated, UTF-8): a header of {@code #} lines naming the
 * operator, period and its rule, filters, grouping and time of generation; then one line per group when
 * grouped, otherwise one line per session; then the totals, a {@code #} line of their own at the end (so
 * that the report is read from the database once). Times carry the operator's offset. Header lines and
 * column headings are in the report's language; values are written the same in every language.
 */
public final class CsvReportWriter implements ReportWriter {

    /** The columns of a session, as the bundle keys {@code column.<name>} name them. */
    static final List<String> SESSION_COLUMNS = List.of("session", "status", "started", "stopped", "duration",
            "charging", "idle", "energy", "site", "charger", "connector", "driver", "card", "idTag", "userType",
            "currency", "net", "vat", "gross");
    /** After the group's label (named after the grouping: Driver, Day, ...). */
    static final List<String> GROUP_COLUMNS = List.of("key", "sessions", "energy", "duration", "charging", "idle",
            "currency", "net", "vat", "gross", "unpriced");

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
        ReportMessages words = header.messages();
        comment(words.get("title"));
        comment(words.get("csv.operator", "name", header.operatorName(), "id", header.operatorId()));
        comment(words.get("csv.period", "from", header.from(), "to", header.to(), "zone", header.zone()));
        comment(words.get("csv.rule", "rule", header.periodRule()));
        comment(words.get("csv.filters", "filters", header.filtersText()));
        comment(header.groupBy() == null ? words.get("csv.notGrouped")
                : words.get("csv.groupedBy", "grouping", header.groupBy().parameter()));
        comment(words.get("csv.generated", "time", ReportText.LOCAL_TIME.format(header.generatedAt())));
        if (header.groupBy() == null) {
            line(headings(SESSION_COLUMNS, words));
            return;
        }
        List<String> columns = new ArrayList<>();
        columns.add(words.grouping(header.groupBy()));
        columns.addAll(headings(GROUP_COLUMNS, words));
        line(columns);
        for (ReportFigures group : groups) {
            line(List.of(SpreadsheetCells.defused(Objects.requireNonNullElse(group.label(), words.get("group.none"))),
                    SpreadsheetCells.defused(group.key()), Long.toString(group.sessions()),
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
        next(SpreadsheetCells.defused(row.siteName()));
        next(SpreadsheetCells.defused(row.chargePointId()));
        next(row.connectorId() == null ? "" : row.connectorId().toString());
        next(SpreadsheetCells.defused(row.driverName()));
        next(SpreadsheetCells.defused(row.cardLabel()));
        next(SpreadsheetCells.defused(row.idTag()));
        next(SpreadsheetCells.defused(row.userType()));
        next(row.currency());
        next(plain(row.netAmount()));
        next(plain(row.vatAmount()));
        next(plain(row.grossAmount()));
        out.write("\r\n");
    }

    @Override
    public void end(ReportFigures totals) throws IOException {
        comment(header.messages().get("csv.totals", "sessions", totals.sessions(), "energy",
                totals.energyKwh().toPlainString(), "connected", ReportText.duration(totals.connectedSeconds()),
                "charging", ReportText.duration(totals.chargingSeconds()), "idle",
                ReportText.duration(totals.idleSeconds()), "currency", header.currency(), "net",
                totals.netAmount().toPlainString(), "vat", totals.vatAmount().toPlainString(), "gross",
                totals.grossAmount().toPlainString(), "unpriced", totals.unpricedSessions()));
        out.flush();
    }

    /** The column headings in the report's language. */
    static List<String> headings(List<String> columns, ReportMessages words) {
        return columns.stream().map(column -> words.get("column." + column)).toList();
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

    /** Every cell of a line, quoted as RFC 4180 asks (SpreadsheetCells); texts are defused before. */
    static String cell(String value) {
        return SpreadsheetCells.csvCell(value);
    }
}
