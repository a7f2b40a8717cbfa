package org.evsettle.invoices.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.evsettle.invoices.DirectDebit;
import org.evsettle.invoices.DirectDebitBatch;
import org.evsettle.invoices.DirectDebits;
import org.evsettle.invoices.Invoice;

/** A direct debit batch: its debits, and the invoices left out (or not booked at settlement) and why. */
public record DirectDebitBatchView(UUID id, UUID operatorId, String messageId, LocalDate collectionDate,
                                   DirectDebitBatch.Status status, Instant createdAt, int transactionCount,
                                   BigDecimal controlSum, List<Debit> debits, List<DirectDebits.Skipped> skipped) {

    /** One debit. */
    public record Debit(UUID invoiceId, String number, String endToEndId, BigDecimal amount, String mandateId,
                        DirectDebit.Sequence sequenceType, DirectDebit.State state) {
    }

    static DirectDebitBatchView of(DirectDebitBatch b, List<DirectDebit> debits, List<DirectDebits.Skipped> skipped) {
        return new DirectDebitBatchView(b.id, b.operatorId, b.messageId, b.collectionDate, b.status, b.createdAt,
                b.transactionCount, b.controlSum, debits.stream().map(d -> new Debit(d.invoiceId,
                        Invoice.<Invoice>findByIdOptional(d.invoiceId).map(i -> i.number).orElse(null), d.endToEndId,
                        d.amount, d.mandateId, d.sequenceType, d.state)).toList(), skipped);
    }
}
