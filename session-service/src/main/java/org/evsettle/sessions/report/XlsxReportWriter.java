package org.evsettle.sessions.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.evsettle.kit.text.SpreadsheetCells;

/**
 * The charge report as an Excel workbook, streamed with fastexcel: a sheet "Report" with the header
 * (operator, period and its rule, filters, grouping, time of generation), the totals and the groups; a
 * sheet "Sessions" with one row per session, written and flushed in slices so that memory stays flat.
 * Times are the operator's local times, durations real Excel durations, amounts and energy numbers.
 * Sheet names, labels and headings are in the report's language.
 */
public final class XlsxReportWriter implements ReportWriter {

    private static final int FLUSH_EVERY = 1000;
    private static final String TIME = "yyyy-mm-dd hh:mm:ss";
    private static final String DURATION = "[h]:mm:ss";
    private static final String KWH = "0.000";
    private static final String MONEY = "0.00";
    private static final double SECONDS_PER_DAY = 86_400d;

    private final Workbook workbook;
    private Worksheet sessions;
    private ReportHeader header;
    private int row;
    /** The first session row not formatted yet. */
    private int styledUpTo = 1;

    public XlsxReportWriter(OutputStream out) {
        this.workbook = new Workbook(out, "EV Settle", "1.0");
    }

    @Override
    public boolean totalsFirst() {
        return true;
    }

    @Override
    public void begin(ReportHeader header, ReportFigures totals, List<ReportFigures> groups) throws IOException {
        this.header = header;
        ReportMessages words = header.messages();
        Worksheet report = workbook.newWorksheet(words.get("xlsx.sheet.report"));
        sessions = workbook.newWorksheet(words.get("xlsx.sheet.sessions"));
        writeReport(report, header, totals, groups);
        report.finish();

        List<String> headings = CsvReportWriter.headings(CsvReportWriter.SESSION_COLUMNS, words);
        for (int c = 0; c < headings.size(); c++) {
            sessions.value(0, c, headings.get(c));
            sessions.style(0, c).bold().set();
        }
        int[] widths = {38, 12, 20, 20, 10, 10, 10, 12, 24, 18, 10, 24, 24, 16, 12, 9, 10, 10, 10};
        for (int c = 0; c < widths.length; c++) {
            sessions.width(c, widths[c]);
        }
        sessions.freezePane(0, 1);
        row = 1;
    }

    private void writeReport(Worksheet ws, ReportHeader header, ReportFigures totals, List<ReportFigures> groups) {
        ws.width(0, 22);
        ws.width(1, 40);
        for (int c = 2; c < 12; c++) {
            ws.width(c, 14);
        }
        ReportMessages words = header.messages();
        ws.value(0, 0, words.get("title"));
        ws.style(0, 0).bold().fontSize(14).set();
        String[][] facts = {
                {words.get("xlsx.operator"), header.operatorName()},
                {words.get("xlsx.operatorId"), header.operatorId().toString()},
                {words.get("xlsx.period"), words.get("xlsx.periodRange", "from", header.from(), "to", header.to())},
                {words.get("xlsx.timeZone"), header.zone().getId()},
                {words.get("xlsx.rule"), header.periodRule()},
                {words.get("xlsx.filters"), header.filtersText()},
                {words.get("xlsx.groupedBy"), header.groupBy() == null ? words.get("xlsx.notGrouped")
                        : header.groupBy().parameter()},
                {words.get("xlsx.generated"), ReportText.LOCAL_TIME.format(header.generatedAt())},
        };
        for (int i = 0; i < facts.length; i++) {
            ws.value(2 + i, 0, facts[i][0]);
            ws.style(2 + i, 0).bold().set();
            ws.value(2 + i, 1, SpreadsheetCells.defused(facts[i][1]));
        }
        int r = 3 + facts.length;
        List<String> columns = CsvReportWriter.headings(CsvReportWriter.GROUP_COLUMNS.subList(1,
                CsvReportWriter.GROUP_COLUMNS.size()), words);
        ws.value(r, 0, words.get("xlsx.totals"));
        ws.style(r, 0).bold().set();
        for (int c = 0; c < columns.size(); c++) {
            ws.value(r, c + 2, columns.get(c));
            ws.style(r, c + 2).bold().set();
        }
        figures(ws, r + 1, totals);
        ws.value(r + 1, 0, words.get("xlsx.allSessions"));
        if (header.groupBy() == null) {
            return;
        }
        r += 3;
        ws.value(r, 0, words.grouping(header.groupBy()));
        ws.value(r, 1, words.get("column.key"));
        ws.style(r, 0).bold().set();
        ws.style(r, 1).bold().set();
        for (int c = 0; c < columns.size(); c++) {
            ws.value(r, c + 2, columns.get(c));
            ws.style(r, c + 2).bold().set();
        }
        for (ReportFigures group : groups) {
            r++;
            ws.value(r, 0, SpreadsheetCells.defused(Objects.requireNonNullElse(group.label(), words.get("group.none"))));
            ws.value(r, 1, group.key());
            figures(ws, r, group);
        }
    }

    private void figures(Worksheet ws, int r, ReportFigures figures) {
        ws.value(r, 2, figures.sessions());
        number(ws, r, 3, figures.energyKwh(), KWH);
        duration(ws, r, 4, figures.connectedSeconds());
        duration(ws, r, 5, figures.chargingSeconds());
        duration(ws, r, 6, figures.idleSeconds());
        ws.value(r, 7, header.currency());
        number(ws, r, 8, figures.netAmount(), MONEY);
        number(ws, r, 9, figures.vatAmount(), MONEY);
        number(ws, r, 10, figures.grossAmount(), MONEY);
        ws.value(r, 11, figures.unpricedSessions());
    }

    @Override
    public boolean wantsRows() {
        return true;
    }

    @Override
    public void row(ReportRow session) throws IOException {
        Worksheet ws = sessions;
        int r = row++;
        ws.inlineString(r, 0, session.sessionId().toString());
        ws.value(r, 1, session.status());
        time(ws, r, 2, session.startedAt());
        time(ws, r, 3, session.stoppedAt());
        durationValue(ws, r, 4, session.connectedSeconds());
        durationValue(ws, r, 5, session.chargingSeconds());
        durationValue(ws, r, 6, session.idleSeconds());
        numberValue(ws, r, 7, session.energyKwh());
        text(ws, r, 8, session.siteName());
        text(ws, r, 9, session.chargePointId());
        if (session.connectorId() != null) {
            ws.value(r, 10, session.connectorId());
        }
        text(ws, r, 11, session.driverName());
        text(ws, r, 12, session.cardLabel());
        text(ws, r, 13, session.idTag());
        text(ws, r, 14, session.userType());
        if (session.currency() != null) {
            ws.value(r, 15, session.currency());
        }
        numberValue(ws, r, 16, session.netAmount());
        numberValue(ws, r, 17, session.vatAmount());
        numberValue(ws, r, 18, session.grossAmount());
        if (row % FLUSH_EVERY == 0) {
            styleRows();
            ws.flush();
        }
    }

    @Override
    public void end(ReportFigures totals) throws IOException {
        styleRows();
        sessions.finish();
        workbook.finish();
    }

    private static void text(Worksheet ws, int r, int c, String value) {
        if (value != null && !value.isEmpty()) {
            ws.inlineString(r, c, SpreadsheetCells.defused(value));
        }
    }

    private void time(Worksheet ws, int r, int c, Instant instant) {
        if (instant != null) {
            ws.value(r, c, LocalDateTime.ofInstant(instant, header.zone()).withNano(0));
        }
    }

    private static void duration(Worksheet ws, int r, int c, Long seconds) {
        if (seconds != null) {
            ws.value(r, c, seconds / SECONDS_PER_DAY);
            ws.style(r, c).format(DURATION).set();
        }
    }

    private static void durationValue(Worksheet ws, int r, int c, Long seconds) {
        if (seconds != null) {
            ws.value(r, c, seconds / SECONDS_PER_DAY);
        }
    }

    private static void numberValue(Worksheet ws, int r, int c, BigDecimal value) {
        if (value != null) {
            ws.value(r, c, value);
        }
    }

    /** Formats the session rows written since the last flush, a column range at a time. */
    private void styleRows() {
        if (styledUpTo >= row) {
            return;
        }
        int first = styledUpTo;
        int last = row - 1;
        sessions.range(first, 2, last, 3).style().format(TIME).set();
        sessions.range(first, 4, last, 6).style().format(DURATION).set();
        sessions.range(first, 7, last, 7).style().format(KWH).set();
        sessions.range(first, 16, last, 18).style().format(MONEY).set();
        styledUpTo = row;
    }

    private static void number(Worksheet ws, int r, int c, BigDecimal value, String format) {
        if (value != null) {
            ws.value(r, c, value);
            ws.style(r, c).format(format).set();
        }
    }
}
