package org.evsettle.invoices.documents;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.evsettle.kit.text.SpreadsheetCells;

/**
 * CSV as spreadsheets and bookkeeping packages read it: comma-separated, quoted where needed, a point as
 * decimal mark, and text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) defused with a quote
 * (service-kit's SpreadsheetCells, the rule every CSV of the platform follows).
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
        return SpreadsheetCells.csvText(value.toString());
    }
}
