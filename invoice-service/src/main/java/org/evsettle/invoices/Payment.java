package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Money received for an invoice, registered by an admin, read from a bank statement or collected by direct debit. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "operator_id")
    public UUID operatorId;
    public BigDecimal amount;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    public String reference;
    @Enumerated(EnumType.STRING)
    public PaymentMethod method;
    /** Identifies the bank statement row a payment was read from, so that it is applied once. */
    @Column(name = "import_key")
    public String importKey;
    @Column(name = "registered_at")
    public Instant registeredAt;

    public static List<Payment> of(UUID invoiceId) {
        return list("invoiceId = ?1 order by paidOn, registeredAt", invoiceId);
    }
}
