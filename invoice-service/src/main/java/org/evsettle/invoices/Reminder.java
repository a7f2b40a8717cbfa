package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A reminder step an overdue invoice went through: when, how late, and what was outstanding then. */
@Entity
@Table(name = "invoice_reminder")
@IdClass(Reminder.Key.class)
public class Reminder extends PanacheEntityBase {

    /** An invoice goes through each step once. */
    public static class Key implements Serializable {
        public UUID invoiceId;
        public ReminderStep step;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(invoiceId, key.invoiceId) && step == key.step;
        }

        @Override
        public int hashCode() {
            return Objects.hash(invoiceId, step);
        }
    }

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Id
    @Enumerated(EnumType.STRING)
    public ReminderStep step;
    @Column(name = "days_overdue")
    public int daysOverdue;
    @Column(name = "sent_on")
    public LocalDate sentOn;
    @Column(name = "outstanding_amount")
    public BigDecimal outstandingAmount;

    public static List<Reminder> of(UUID invoiceId) {
        return list("invoiceId = ?1 order by sentOn, daysOverdue", invoiceId);
    }
}
