package org.evsettle.sessions.zaptec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.text.CsvTable;

/**
 * The first sheet of an XLSX workbook as a table of text, without a spreadsheet library: the zip's shared
 * strings and {@code xl/worksheets/sheet1.xml} read with StAX. A number in a date column (Excel's serial day
 * number, as a cell formatted as a date holds it) is read as that day and time in UTC; other numbers as written.
 * Each row keeps its row number as its line, so rejections name the row Excel shows.
 */
final class XlsxSheet {

    /** The most a workbook's parts may hold unpacked, against a zip bomb. */
    private static final long MOST_BYTES = 64L * 1024 * 1024;
    private static final LocalDateTime EXCEL_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);

    private XlsxSheet() {
    }

    /** The sheet, its first row the header; dateColumns names the columns whose numbers are Excel dates. */
    static CsvTable read(byte[] workbook, List<String> dateColumns) {
        Map<String, byte[]> parts = unzip(workbook);
        byte[] sheet = parts.get("xl/worksheets/sheet1.xml");
        if (sheet == null) {
            throw DomainException.invalid("body", "the workbook has no first sheet (xl/worksheets/sheet1.xml)");
        }
        List<String> shared = parts.containsKey("xl/sharedStrings.xml") ? sharedStrings(parts.get("xl/sharedStrings.xml"))
                : List.of();
        List<CsvTable.Record> rows = rows(sheet, shared);
        if (rows.isEmpty()) {
            throw DomainException.invalid("body", "the sheet is empty; its first row must name the columns");
        }
        List<String> header = rows.get(0).cells().stream().map(String::trim).toList();
        List<CsvTable.Record> records = new ArrayList<>();
        for (CsvTable.Record row : rows.subList(1, rows.size())) {
            List<String> cells = new ArrayList<>(row.cells());
            for (int i = 0; i < cells.size() && i < header.size(); i++) {
                int column = i;
                if (dateColumns.stream().anyMatch(name -> name.equalsIgnoreCase(header.get(column)))) {
                    cells.set(i, date(cells.get(i)));
                }
            }
            if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                records.add(new CsvTable.Record(row.line(), cells));
            }
        }
        return new CsvTable(header, records);
    }

    private static String date(String cell) {
        try {
            BigDecimal days = new BigDecimal(cell.trim());
            long millis = days.multiply(BigDecimal.valueOf(86_400_000L)).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact();
            Instant at = EXCEL_EPOCH.toInstant(ZoneOffset.UTC).plusMillis(millis);
            return at.toString();
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return cell;
        }
    }

    /**
     * The two parts read, from the zip's central directory (Excel and streaming writers such as fastexcel put the
     * sizes there, not before each entry, so the zip is read as a file).
     */
    private static Map<String, byte[]> unzip(byte[] workbook) {
        Map<String, byte[]> parts = new HashMap<>();
        Path file = null;
        try {
            file = Files.createTempFile("zaptec-upload-", ".xlsx");
            Files.write(file, workbook);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                long total = 0;
                for (String name : List.of("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")) {
                    ZipEntry entry = zip.getEntry(name);
                    if (entry == null) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        byte[] part = in.readNBytes((int) (MOST_BYTES - total + 1));
                        total += part.length;
                        if (total > MOST_BYTES) {
                            throw DomainException.invalid("body", "the workbook is larger than 64 MB unpacked");
                        }
                        parts.put(name, part);
                    }
                }
            }
        } catch (IOException e) {
            throw DomainException.invalid("body", "the file cannot be read as an XLSX workbook");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
        return parts;
    }

    private static List<String> sharedStrings(byte[] xml) {
        List<String> strings = new ArrayList<>();
        try {
            XMLStreamReader reader = reader(xml);
            StringBuilder text = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("si")) {
                    text = new StringBuilder();
                } else if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("t") && text != null) {
                    text.append(reader.getElementText());
                } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("si")) {
                    strings.add(text == null ? "" : text.toString());
                    text = null;
                }
            }
        } catch (XMLStreamException e) {
            throw DomainException.invalid("body", "the workbook's shared strings cannot be read");
        }
        return strings;
    }

    private static List<CsvTable.Record> rows(byte[] xml, List<String> shared) {
        List<CsvTable.Record> rows = new ArrayList<>();
        try {
            XMLStreamReader reader = reader(xml);
            TreeMap<Integer, String> cells = null;
            int line = 0;
            String type = null;
            int column = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "row" -> {
                            String r = reader.getAttributeValue(null, "r");
                            line = r == null ? line + 1 : Integer.parseInt(r);
                            cells = new TreeMap<>();
                            column = 0;
                        }
                        case "c" -> {
                            type = reader.getAttributeValue(null, "t");
                            String ref = reader.getAttributeValue(null, "r");
                            column = ref == null ? (cells == null || cells.isEmpty() ? 0 : cells.lastKey() + 1)
                                    : columnOf(ref);
                        }
                        case "v" -> {
                            String value = reader.getElementText();
                            if (cells != null) {
                                cells.put(column, "s".equals(type) ? shared.get(Integer.parseInt(value.trim()))
                                        : "b".equals(type) ? ("1".equals(value.trim()) ? "TRUE" : "FALSE") : value);
                            }
                        }
                        case "t" -> {
                            if (cells != null && "inlineStr".equals(type)) {
                                cells.merge(column, reader.getElementText(), String::concat);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("row")
                        && cells != null) {
                    List<String> values = new ArrayList<>();
                    int last = cells.isEmpty() ? -1 : cells.lastKey();
                    for (int i = 0; i <= last; i++) {
                        values.add(cells.getOrDefault(i, ""));
                    }
                    rows.add(new CsvTable.Record(line, values));
                    cells = null;
                }
            }
        } catch (XMLStreamException | NumberFormatException | IndexOutOfBoundsException e) {
            throw DomainException.invalid("body", "the workbook's first sheet cannot be read");
        }
        return rows;
    }

    /** The 0-based column of a cell reference such as {@code C7}. */
    private static int columnOf(String reference) {
        int column = 0;
        for (char c : reference.toCharArray()) {
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    private static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // no DTDs, no external entities: a workbook is untrusted input
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        InputStream in = new ByteArrayInputStream(xml);
        return factory.createXMLStreamReader(in);
    }
}
