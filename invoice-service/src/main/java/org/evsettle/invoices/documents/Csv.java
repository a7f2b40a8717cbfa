package org.evsettle.invoices.documents;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as spreadsheets and bookkeeping packages read it: comma-separated, quoted where needed, a point as
 * decimal mark, and text that a spreadsheet would run as a formula (=, +, -, @) defused with a quote.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv row(List<?> cells) {
        out.append(cells.stream().map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
