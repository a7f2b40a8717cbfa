package org.evsettle.invoices;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A bank statement exported as CSV, read leniently: banks differ in separators (comma, semicolon, tab),
 * decimal marks, date formats, column names (English, Dutch, French) and in how they mark money coming
 * in (a signed amount or a separate Af/Bij or debit/credit column). Columns are found by their header.
 * Each row gets a key that is the same however often the statement is imported.
 */
public record BankStatement(List<Row> rows, List<Problem> problems) {

    /** One booking: positive amounts came in. */
    public record Row(int line, LocalDate bookedOn, BigDecimal amount, String reference, String description,
                      String counterparty, String counterpartyIban, String importKey) {

        /** The text a payment reference or invoice number may be found in. */
        public String remittance() {
            return String.join(" ", nonNull(reference), nonNull(description));
        }
    }

    /** A row that could not be read. */
    public record Problem(int line, String reason) {
    }

    /** The statement as a whole cannot be read (no header, no date or amount column). */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    private enum Column {
        DATE("date", "booking date", "bookingdate", "boekdatum", "datum", "transactiedatum", "rentedatum",
                "uitvoeringsdatum", "valutadatum", "value date", "date d'exécution", "date valeur"),
        AMOUNT("amount", "bedrag", "bedrag (eur)", "amount (eur)", "transactiebedrag", "montant"),
        DIRECTION("af bij", "af/bij", "debit/credit", "credit/debit", "d/c", "c/d", "debet/credit", "mutatiesoort af/bij"),
        REFERENCE("reference", "payment reference", "betalingskenmerk", "kenmerk", "structured reference",
                "communication", "communicatie", "mededeling", "remittance information", "structured communication",
                "gestructureerde mededeling", "communication structurée"),
        DESCRIPTION("description", "omschrijving", "mededelingen", "omschrijving-1", "details", "détails"),
        COUNTERPARTY("name", "counterparty", "counterparty name", "naam", "naam tegenpartij", "naam / omschrijving",
                "tegenpartij", "nom de la contrepartie"),
        IBAN("counterparty iban", "counterparty account", "tegenrekening", "tegenrekening iban/bban", "iban tegenpartij",
                "rekening tegenpartij", "compte contrepartie"),
        TRANSACTION_ID("transaction id", "transactie id", "transactiereferentie", "bank reference", "volgnr", "id");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.BASIC_ISO_DATE, DateTimeFormatter.ofPattern("dd-MM-yyyy"),
            DateTimeFormatter.ofPattern("dd/MM/yyyy"), DateTimeFormatter.ofPattern("dd.MM.yyyy"));

    public static BankStatement parse(String csv) {
        List<List<String>> records = records(csv == null ? "" : csv.replace("\uFEFF", ""));
        if (records.isEmpty()) {
            throw new Unreadable("The statement is empty: a header row and one row per booking are expected");
        }
        Map<Column, Integer> columns = header(records.get(0));
        if (!columns.containsKey(Column.DATE) || !columns.containsKey(Column.AMOUNT)) {
            throw new Unreadable("The header names no date or no amount column; expected for example "
                    + "date,amount,reference,description,name,iban");
        }
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            int line = i + 1;
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            try {
                LocalDate date = date(cell(record, columns, Column.DATE))
                        .orElseThrow(() -> new IllegalArgumentException("date is not a date"));
                BigDecimal amount = amount(cell(record, columns, Column.AMOUNT));
                String direction = cell(record, columns, Column.DIRECTION).trim().toLowerCase(Locale.ROOT);
                if (direction.equals("af") || direction.equals("debit") || direction.equals("d") || direction.equals("debet")) {
                    amount = amount.abs().negate();
                }
                String reference = cell(record, columns, Column.REFERENCE).trim();
                String description = cell(record, columns, Column.DESCRIPTION).trim();
                String counterparty = cell(record, columns, Column.COUNTERPARTY).trim();
                String iban = cell(record, columns, Column.IBAN).replace(" ", "").toUpperCase(Locale.ROOT);
                String transactionId = cell(record, columns, Column.TRANSACTION_ID).trim();
                String identity = transactionId.isEmpty()
                        ? String.join("|", date.toString(), amount.toPlainString(), reference, description, counterparty, iban)
                        : "id|" + transactionId;
                // the same booking twice in one statement is two bookings: count them apart
                int occurrence = seen.merge(identity, 1, Integer::sum);
                rows.add(new Row(line, date, amount, reference, description, counterparty, iban,
                        sha256(identity + "#" + occurrence)));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(line, e.getMessage()));
            }
        }
        return new BankStatement(rows, problems);
    }

    /** An amount with a decimal point or comma, thousands separators and signs as banks write them. */
    static BigDecimal amount(String text) {
        String cleaned = text.replaceAll("[\\s€]|EUR", "");
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("amount is empty");
        }
        int comma = cleaned.lastIndexOf(',');
        int point = cleaned.lastIndexOf('.');
        if (comma > point) {
            cleaned = cleaned.replace(".", "").replace(',', '.');
        } else if (point > comma && comma >= 0) {
            cleaned = cleaned.replace(",", "");
        }
        try {
            return new BigDecimal(cleaned.startsWith("+") ? cleaned.substring(1) : cleaned);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount " + text + " is not a number");
        }
    }

    private static Optional<LocalDate> date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(text.trim(), format));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static Map<Column, Integer> header(List<String> names) {
        Map<Column, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            for (Column column : Column.values()) {
                if (column.names.contains(name) && !columns.containsKey(column)) {
                    columns.put(column, i);
                }
            }
        }
        return columns;
    }

    private static String cell(List<String> record, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index);
    }

    /** CSV records (RFC 4180 quoting) with the separator the header line uses most. */
    private static List<List<String>> records(String csv) {
        String firstLine = csv.lines().findFirst().orElse("");
        char separator = ',';
        long most = -1;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = firstLine.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                separator = candidate;
            }
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
