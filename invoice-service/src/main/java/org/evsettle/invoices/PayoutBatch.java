package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A payout batch of one operator: one SEPA credit transfer (pain.001.001.09, kept exactly as it was handed to the
 * bank) paying issued reimbursement statements to their employees. CREATED until the operator reports it executed
 * (or a bank statement shows it), then EXECUTED: its statements are PAID.
 */
@Entity
@Table(name = "payout_batch")
public class PayoutBatch extends PanacheEntityBase {

    /** Where a batch is. */
    public enum Status {
        CREATED, EXECUTED
    }

    @Id
    public UUID id;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "message_id")
    public String messageId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String currency;
    @Column(name = "execution_date")
    public LocalDate executionDate;
    @Column(name = "transaction_count")
    public int transactionCount;
    @Column(name = "control_sum")
    public BigDecimal controlSum;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "executed_on")
    public LocalDate executedOn;
    /** The pain.001.001.09 XML. */
    public String document;
    @OneToMany(mappedBy = "batch", cascade = CascadeType.ALL)
    @OrderBy("position")
    public List<Payout> payouts = new ArrayList<>();
}
