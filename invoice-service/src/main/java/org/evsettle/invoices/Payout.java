package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One reimbursement statement paid by a payout batch: to whom, to which account, how much; a statement once. */
@Entity
@Table(name = "payout")
public class Payout extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "batch_id")
    public PayoutBatch batch;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    public int position;
    @Column(name = "driver_id")
    public UUID driverId;
    public String number;
    public String name;
    public String iban;
    public BigDecimal amount;
    @Column(name = "end_to_end_id")
    public String endToEndId;
}
