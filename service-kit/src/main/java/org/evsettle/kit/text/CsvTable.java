package org.evsettle.kit.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as spreadsheets write it (RFC 4180): a header line, then one record per line; fields
 * may be quoted (with "" for a quote, and line breaks inside); the separator is a comma, or a
 * semicolon or tab as Excel writes it in Dutch and Belgian locales, told by the header line. A byte
 * order mark is ignored, and so are blank lines (also those of separators only). Each record knows
 * the line it starts on.
 */
public record CsvTable(List<String> header, List<Record> records) {

    /** One record and the line of the file it starts on (the header is line 1). */
    public record Record(int line, List<String> cells) {

        /** The cell in that column, trimmed; empty when the record is shorter. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column).trim() : "";
        }
    }

    /** The file cannot be read as CSV at all. */
    public static class Malformed extends RuntimeException {
        private final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static CsvTable parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> all = new Parser(content, separatorOf(content)).records();
        if (all.isEmpty()) {
            throw new Malformed(1, "the file is empty; its first line must name the columns");
        }
        List<String> header = all.get(0).cells().stream().map(String::trim).toList();
        return new CsvTable(header, List.copyOf(all.subList(1, all.size())));
    }

    /** The separator that occurs most in the first line outside quotes: comma, semicolon or tab. */
    static char separatorOf(String content) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }

    /** Reads records character by character, keeping the line count for the messages. */
    private static final class Parser {
        private final String text;
        private final char separator;
        private int position;
        private int line = 1;

        Parser(String text, char separator) {
            this.text = text;
            this.separator = separator;
        }

        List<Record> records() {
            List<Record> records = new ArrayList<>();
            while (position < text.length()) {
                int start = line;
                List<String> cells = record();
                if (!cells.stream().allMatch(String::isBlank)) {
                    records.add(new Record(start, List.copyOf(cells)));
                }
            }
            return records;
        }

        private List<String> record() {
            List<String> cells = new ArrayList<>();
            while (true) {
                cells.add(field());
                if (position >= text.length()) {
                    return cells;
                }
                char c = text.charAt(position++);
                if (c == separator) {
                    continue;
                }
                // a line break ends the record: \n, \r\n or \r
                if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                    position++;
                }
                line++;
                return cells;
            }
        }

        private String field() {
            if (position < text.length() && text.charAt(position) == '"') {
                return quoted();
            }
            int start = position;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == separator || c == '\n' || c == '\r') {
                    break;
                }
                if (c == '"') {
                    throw new Malformed(line, "a quote inside an unquoted field; quote the whole field and double"
                            + " the quote (\"\")");
                }
                position++;
            }
            return text.substring(start, position);
        }

        private String quoted() {
            int openedOn = line;
            position++;
            StringBuilder value = new StringBuilder();
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    if (position < text.length() && text.charAt(position) == '"') {
                        value.append('"');
                        position++;
                        continue;
                    }
                    if (position < text.length() && !isEnd(text.charAt(position))) {
                        throw new Malformed(line, "text after the closing quote of a field");
                    }
                    return value.toString();
                }
                if (c == '\n' || (c == '\r' && (position >= text.length() || text.charAt(position) != '\n'))) {
                    line++;
                }
                value.append(c);
            }
            throw new Malformed(openedOn, "a quoted field that is never closed");
        }

        private boolean isEnd(char c) {
            return c == separator || c == '\n' || c == '\r';
        }
    }
}
