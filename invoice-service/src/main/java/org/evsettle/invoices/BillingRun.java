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
 * The billing of one operator's period: one row per operator and period, whoever started it (the
 * schedule or an admin) and however often. Its counts grow in the transactions that issue the documents,
 * so after a crash they still tell exactly what was issued; running it again resumes it.
 */
@Entity
@Table(name = "billing_run")
public class BillingRun extends PanacheEntityBase {

    /** Who started the run. */
    public enum Trigger {
        SCHEDULE, REQUEST
    }

    /** RUNNING until every document the run could issue is issued. */
    public enum Status {
        RUNNING, COMPLETED
    }

    @Id
    public UUID id;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    @Column(name = "triggered_by")
    public Trigger trigger;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "invoices_issued")
    public int invoicesIssued;
    @Column(name = "statements_issued")
    public int statementsIssued;
    /** Periods of drivers with nothing to pay, closed without a statement (the operator wants none). */
    @Column(name = "closed_unbilled")
    public int closedUnbilled;
    /** Open invoices the run could not issue because the registry has not told of their driver. */
    public int held;
    @Column(name = "gross_amount")
    public BigDecimal grossAmount;
    @Column(name = "first_number")
    public String firstNumber;
    @Column(name = "last_number")
    public String lastNumber;
}
