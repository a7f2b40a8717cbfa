package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * An invoice as dunning knows it from invoice-service's announcements: overdue (and whether it blocks
 * the driver's cards under the operator's policy), or paid, after which it never blocks again.
 */
@Entity
@Table(name = "dunning_invoice")
public class DunningInvoice extends PanacheEntityBase {

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "driver_id")
    public UUID driverId;
    public String number;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "days_overdue")
    public int daysOverdue;
    @Column(name = "reminder_step")
    public String reminderStep;
    @Column(name = "blocks_cards")
    public boolean blocksCards;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<DunningInvoice> byId(UUID invoiceId) {
        return findByIdOptional(invoiceId);
    }

    /** The unpaid invoice that blocks the driver's cards, the longest overdue first. */
    public static Optional<DunningInvoice> blockingCardsOf(UUID driverId) {
        return find("driverId = ?1 and blocksCards = true and paidOn is null order by dueDate, number", driverId)
                .firstResultOptional();
    }

    public boolean isPaid() {
        return paidOn != null;
    }
}
