package org.evsettle.invoices;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Books the money a bank statement shows coming in on the operator's invoices: a row is matched by the
 * payment reference in its remittance text (a creditor reference or a Belgian structured communication,
 * as banks write them, with correct check digits), or else by an invoice number written there. A row is booked
 * once however often the statement is imported; rows that match nothing, or that would pay more than is
 * outstanding, are reported for the operator to handle, never guessed at.
 */
@ApplicationScoped
public class PaymentImport {

    private static final Pattern INVOICE_NUMBER = Pattern.compile("[A-Z0-9]+(?:-[A-Z0-9]+)*-\\d{4}-\\d{6,}");

    private final Payments payments;

    public PaymentImport(Payments payments) {
        this.payments = payments;
    }

    /** What an import did, row by row. */
    public record Result(int rows, int booked, BigDecimal bookedAmount, int alreadyImported, int outgoing,
                         List<Booked> bookings, List<Unmatched> unmatched) {
    }

    /** A row booked on an invoice. */
    public record Booked(int line, UUID invoiceId, String number, BigDecimal amount, String status) {
    }

    /** A row that was not booked, and why. */
    public record Unmatched(int line, BigDecimal amount, String text, String reason) {
    }

    @Transactional
    public Result apply(UUID operatorId, BankStatement statement) {
        List<Booked> bookings = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        statement.problems().forEach(p -> unmatched.add(new Unmatched(p.line(), null, null, p.reason())));
        int alreadyImported = 0;
        int outgoing = 0;
        BigDecimal booked = InvoiceTotals.ZERO;
        for (BankStatement.Row row : statement.rows()) {
            if (row.amount().signum() <= 0) {
                outgoing++;
                continue;
            }
            if (Payment.count("operatorId = ?1 and importKey = ?2", operatorId, row.importKey()) > 0) {
                alreadyImported++;
                continue;
            }
            Optional<Invoice> match = match(operatorId, row.remittance());
            if (match.isEmpty()) {
                unmatched.add(new Unmatched(row.line(), row.amount(), row.remittance().trim(),
                        "no payment reference or invoice number of this operator in the text"));
                continue;
            }
            Invoice invoice = Invoice.lock(match.get().id).orElseThrow();
            String refusal = Payments.refusal(invoice, row.amount());
            if (refusal != null) {
                unmatched.add(new Unmatched(row.line(), row.amount(), row.remittance().trim(), refusal));
                continue;
            }
            payments.book(invoice, row.amount(), row.bookedOn(), reference(row), PaymentMethod.TRANSFER, row.importKey());
            bookings.add(new Booked(row.line(), invoice.id, invoice.number, row.amount(), invoice.status.name()));
            booked = booked.add(InvoiceTotals.cents(row.amount()));
        }
        Log.infof("Bank statement for operator %s: %d rows, %d booked (%s), %d already imported, %d unmatched",
                operatorId, statement.rows().size(), bookings.size(), booked, alreadyImported, unmatched.size());
        return new Result(statement.rows().size() + statement.problems().size(), bookings.size(), booked,
                alreadyImported, outgoing, bookings, unmatched);
    }

    private static Optional<Invoice> match(UUID operatorId, String text) {
        Optional<Invoice> byReference = PaymentReference.findIn(text).flatMap(reference -> Invoice
                .<Invoice>find("operatorId = ?1 and paymentReference = ?2", operatorId, reference).firstResultOptional());
        if (byReference.isPresent()) {
            return byReference;
        }
        Matcher numbers = INVOICE_NUMBER.matcher(text.toUpperCase(Locale.ROOT));
        while (numbers.find()) {
            Optional<Invoice> byNumber = Invoice.<Invoice>find("operatorId = ?1 and upper(number) = ?2 and kind = ?3", operatorId,
                    numbers.group(), DocumentKind.INVOICE).firstResultOptional();
            if (byNumber.isPresent()) {
                return byNumber;
            }
        }
        return Optional.empty();
    }

    private static String reference(BankStatement.Row row) {
        String text = row.reference().isBlank() ? row.description() : row.reference();
        String counterparty = row.counterparty().isBlank() ? "" : " (" + row.counterparty() + ")";
        String reference = (text + counterparty).trim();
        return reference.length() > 200 ? reference.substring(0, 200) : reference;
    }
}
