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

/** One invoice collected in a direct debit batch, under the mandate it was collected with. */
@Entity
@Table(name = "direct_debit")
@IdClass(DirectDebit.Key.class)
public class DirectDebit extends PanacheEntityBase {

    /** PENDING until the batch is settled; then COLLECTED, or RETURNED by the debtor's bank. */
    public enum State {
        PENDING, COLLECTED, RETURNED
    }

    /** The SEPA sequence: FRST for a mandate's first collection, RCUR after. */
    public enum Sequence {
        FRST, RCUR
    }

    /** An invoice is in a batch once. */
    public static class Key implements Serializable {
        public UUID batchId;
        public UUID invoiceId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(batchId, key.batchId) && Objects.equals(invoiceId, key.invoiceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(batchId, invoiceId);
        }
    }

    @Id
    @Column(name = "batch_id")
    public UUID batchId;
    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "end_to_end_id")
    public String endToEndId;
    @Column(name = "mandate_id")
    public String mandateId;
    @Column(name = "mandate_signed_on")
    public LocalDate mandateSignedOn;
    @Column(name = "debtor_name")
    public String debtorName;
    @Column(name = "debtor_iban")
    public String debtorIban;
    public BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @Column(name = "sequence_type")
    public Sequence sequenceType;
    @Enumerated(EnumType.STRING)
    public State state;

    public static List<DirectDebit> of(UUID batchId) {
        return list("batchId = ?1 order by endToEndId", batchId);
    }
}
