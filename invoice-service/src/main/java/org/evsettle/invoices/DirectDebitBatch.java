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
import java.util.UUID;

/**
 * A SEPA direct debit batch of one operator for one collection date, kept with the pain.008.001.02
 * document exactly as it was handed to the bank. SUBMITTED until the operator reports the outcome, then
 * SETTLED: the collected invoices are paid, returned ones are chased again.
 */
@Entity
@Table(name = "direct_debit_batch")
public class DirectDebitBatch extends PanacheEntityBase {

    /** Where a batch is. */
    public enum Status {
        SUBMITTED, SETTLED
    }

    @Id
    public UUID id;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "message_id")
    public String messageId;
    @Column(name = "collection_date")
    public LocalDate collectionDate;
    @Column(name = "created_at")
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "transaction_count")
    public int transactionCount;
    @Column(name = "control_sum")
    public BigDecimal controlSum;
    /** The pain.008.001.02 XML. */
    public String document;
}
