package org.evsettle.kit.text;

/**
 * The one rule for text a spreadsheet opens (every CSV the platform writes, and the text cells of its
 * XLSX files): a text that begins with {@code = + - @}, a tab or a carriage return is defused with a
 * leading quote, so that Excel or LibreOffice shows it instead of running it as a formula; and a CSV cell
 * is quoted as RFC 4180 asks when it holds a comma, a quote or a line break. Numbers the platform writes
 * itself (amounts, energy, durations) are not texts and are never defused: a negative amount stays a number.
 */
public final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    /** The text, with a leading quote when a spreadsheet would otherwise take it for a formula; null is "". */
    public static String defused(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled; null is "". */
    public static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** A text as a CSV cell: defused, then quoted where needed. */
    public static String csvText(String text) {
        return csvCell(defused(text));
    }
}
