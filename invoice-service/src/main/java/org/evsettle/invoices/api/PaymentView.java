package org.evsettle.invoices.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.evsettle.invoices.Payment;
import org.evsettle.invoices.PaymentMethod;

/** A payment booked on an invoice. */
public record PaymentView(UUID id, UUID invoiceId, BigDecimal amount, LocalDate paidOn, String reference,
                          PaymentMethod method, Instant registeredAt) {

    static PaymentView of(Payment p) {
        return new PaymentView(p.id, p.invoiceId, p.amount, p.paidOn, p.reference, p.method, p.registeredAt);
    }
}
