package org.evsettle.sessions.zaptec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Problem;
import org.evsettle.kit.text.CsvTable;

/**
 * Reads an uploaded Zaptec charge history, all or nothing: the API's JSON ({@code {Pages, Data[]}} or a bare
 * array), or a CSV or an XLSX (its first sheet) in the template's layout. Every row's every problem is reported (422, one violation per
 * field, {@code line[<n>].<Field>}) before anything is stored. Zaptec's Portal charge report
 * ({@code UsageReport_*.xls}) holds totals, not sessions: it is recognized and refused with what to do instead.
 */
@ApplicationScoped
public class ZaptecFiles {

    /** Enough for a year of a large installation; a bigger history is uploaded in parts. */
    public static final int MOST_SESSIONS = 20_000;

    static final String USAGE_REPORT = "This is Zaptec's Portal charge report (UsageReport): it holds totals per"
            + " user, charger or card, not sessions, so nothing can be billed from it. Import the sessions instead:"
            + " store the installation's Zaptec API credentials (PUT /api/operators/{operatorId}/zaptec/installations/"
            + "{installationId}), or upload the charge history as JSON (what GET https://api.zaptec.com/api/chargehistory"
            + " answers) or as CSV in the template's layout (GET /api/zaptec/imports/template.csv)";
    private static final Pattern USAGE_REPORT_NAME = Pattern.compile("(?i)^usage_?report.*");
    /** Column titles of the Portal's charge report (English and Dutch) that a sessions file never has. */
    private static final List<String> REPORT_TITLES = List.of("sessions", "sessies", "hours", "uren",
            "charge time", "laadtijd", "number of sessions", "aantal sessies", "total energy", "totale energie");

    private final ObjectMapper json;

    public ZaptecFiles(ObjectMapper json) {
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The header line of a sessions CSV, with one example row, for operators to fill in. */
    public static String template() {
        return String.join(",", ZaptecCsvColumn.titles()) + "\r\n"
                + "0b7e7c55-5c36-4b1a-a3c8-52e6b0c7d9f1,,ZCS000143,Carport 1,2026-01-05T18:04:11Z,2026-01-05T20:10:00Z,"
                + "12.345,,resident@example.org,A. Resident,nfc-04A2B3C4D5E6F7,"
                + "2026-01-05T18:00:00Z=4.100|2026-01-05T19:00:00Z=7.000|2026-01-05T20:00:00Z=1.245\r\n";
    }

    /** The checked sessions of the file; what is wrong with it, all of it, as a DomainException. */
    public List<ZaptecSession> read(byte[] body, String contentType, String fileName) {
        if (body == null || body.length == 0) {
            throw DomainException.invalid("body", "is empty: upload the charge history as JSON, CSV or XLSX");
        }
        String name = fileName == null ? "" : fileName.trim();
        if (USAGE_REPORT_NAME.matcher(name).matches() || isOle2(body)) {
            throw DomainException.unprocessable(USAGE_REPORT);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (isZip(body) || type.contains("spreadsheetml") || name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            List<ZaptecSessionReader.Raw> raws = fromTable(XlsxSheet.read(body, List.of(
                    ZaptecCsvColumn.START_DATE_TIME.title(), ZaptecCsvColumn.END_DATE_TIME.title())));
            return checked(sized(raws));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).stripLeading();
        }
        List<ZaptecSessionReader.Raw> raws = trimmed.startsWith("{") || trimmed.startsWith("[") ? fromJson(trimmed)
                : fromCsv(text);
        return checked(sized(raws));
    }

    private static List<ZaptecSessionReader.Raw> sized(List<ZaptecSessionReader.Raw> raws) {
        if (raws.isEmpty()) {
            throw DomainException.invalid("body", "holds no sessions");
        }
        if (raws.size() > MOST_SESSIONS) {
            throw DomainException.invalid("body", "holds " + raws.size() + " sessions; at most " + MOST_SESSIONS
                    + " per upload");
        }
        return raws;
    }

    private List<ZaptecSessionReader.Raw> fromJson(String text) {
        JsonNode document;
        try {
            document = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("body", "cannot be read as JSON (line " + e.getLocation().getLineNr()
                    + "): " + e.getOriginalMessage());
        }
        JsonNode sessions = ZaptecJson.sessions(document);
        if (sessions == null) {
            throw DomainException.invalid("body", "must be the charge history's JSON: {\"Pages\": ..., \"Data\": [...]}"
                    + " or an array of sessions");
        }
        return ZaptecJson.raw(sessions, 1);
    }

    private static List<ZaptecSessionReader.Raw> fromCsv(String text) {
        CsvTable table;
        try {
            table = CsvTable.parse(text);
        } catch (CsvTable.Malformed e) {
            throw DomainException.invalid("line[" + e.line() + "]", "cannot be read as CSV: " + e.getMessage());
        }
        return fromTable(table);
    }

    /** The sessions of a table with a header line, the template's columns (a CSV, or an XLSX's first sheet). */
    private static List<ZaptecSessionReader.Raw> fromTable(CsvTable table) {
        if (table.header().stream().map(title -> title.toLowerCase(Locale.ROOT)).anyMatch(REPORT_TITLES::contains)
                && table.header().stream().noneMatch(title -> title.equalsIgnoreCase("StartDateTime"))) {
            throw DomainException.unprocessable(USAGE_REPORT);
        }
        Map<ZaptecCsvColumn, Integer> columns = new EnumMap<>(ZaptecCsvColumn.class);
        for (int i = 0; i < table.header().size(); i++) {
            String title = table.header().get(i);
            if (title.isEmpty()) {
                continue;
            }
            ZaptecCsvColumn column = ZaptecCsvColumn.named(title).orElseThrow(() -> DomainException.invalid("header",
                    "names an unknown column " + title + "; the columns are "
                            + String.join(", ", ZaptecCsvColumn.titles())));
            if (columns.put(column, i) != null) {
                throw DomainException.invalid("header", "names column " + column.title() + " twice");
            }
        }
        List<String> missing = Arrays.stream(ZaptecCsvColumn.values())
                .filter(column -> column.required() && !columns.containsKey(column)).map(ZaptecCsvColumn::title).toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("header", "lacks the required columns " + String.join(", ", missing));
        }
        List<ZaptecSessionReader.Raw> raws = new ArrayList<>();
        for (CsvTable.Record record : table.records()) {
            java.util.function.Function<ZaptecCsvColumn, String> cell = column -> columns.containsKey(column)
                    ? record.cell(columns.get(column)) : "";
            List<ZaptecSessionReader.RawDetail> details = new ArrayList<>();
            String energyDetails = cell.apply(ZaptecCsvColumn.ENERGY_DETAILS);
            if (!energyDetails.isBlank()) {
                for (String entry : energyDetails.split("\\|")) {
                    int equals = entry.lastIndexOf('=');
                    details.add(equals < 0 ? new ZaptecSessionReader.RawDetail(entry, null)
                            : new ZaptecSessionReader.RawDetail(entry.substring(0, equals),
                            decimalPoint(entry.substring(equals + 1))));
                }
            }
            raws.add(new ZaptecSessionReader.Raw(record.line(), cell.apply(ZaptecCsvColumn.ID),
                    cell.apply(ZaptecCsvColumn.CHARGER_ID), cell.apply(ZaptecCsvColumn.DEVICE_ID),
                    cell.apply(ZaptecCsvColumn.DEVICE_NAME), cell.apply(ZaptecCsvColumn.START_DATE_TIME),
                    cell.apply(ZaptecCsvColumn.END_DATE_TIME), decimalPoint(cell.apply(ZaptecCsvColumn.ENERGY)),
                    cell.apply(ZaptecCsvColumn.USER_ID), cell.apply(ZaptecCsvColumn.USER_EMAIL),
                    cell.apply(ZaptecCsvColumn.USER_FULL_NAME), cell.apply(ZaptecCsvColumn.TOKEN_NAME), details));
        }
        return raws;
    }

    /** Every row checked, and the Ids unique in the file; all problems together, or the sessions. */
    private static List<ZaptecSession> checked(List<ZaptecSessionReader.Raw> raws) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<ZaptecSession> sessions = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (ZaptecSessionReader.Raw raw : raws) {
            String id = ZaptecSessionReader.text(raw.id());
            if (id != null) {
                Integer first = lineOfId.putIfAbsent(id, raw.line());
                if (first != null) {
                    violations.add(new Problem.Violation("line[" + raw.line() + "].Id", "repeats the Id of line "
                            + first + ": each session once"));
                }
            }
            ZaptecSessionReader.check(raw, violations).ifPresent(sessions::add);
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparingInt(ZaptecFiles::lineOf).thenComparing(Problem.Violation::field));
            long rejected = violations.stream().mapToInt(ZaptecFiles::lineOf).distinct().count();
            throw DomainException.unprocessable("Nothing was imported: " + rejected + " of " + raws.size()
                    + " sessions are rejected", violations);
        }
        return sessions;
    }

    private static int lineOf(Problem.Violation violation) {
        String field = violation.field();
        return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
    }

    /** A Dutch or Belgian spreadsheet writes 12,345 for 12.345. */
    private static String decimalPoint(String value) {
        return value == null || value.contains(".") ? value : value.replace(',', '.');
    }

    /** The old binary Excel format (.xls), which the Portal's charge report is exported as. */
    private static boolean isOle2(byte[] body) {
        return body.length >= 4 && (body[0] & 0xFF) == 0xD0 && (body[1] & 0xFF) == 0xCF && (body[2] & 0xFF) == 0x11
                && (body[3] & 0xFF) == 0xE0;
    }

    private static boolean isZip(byte[] body) {
        return body.length >= 2 && body[0] == 'P' && body[1] == 'K';
    }
}
