package org.evsettle.invoices;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.invoices.config.BillingConfig;
import org.evsettle.kit.api.DomainException;

/**
 * Bills periods: on schedule, every operator whose latest period has ended and whose grace days have
 * passed; on request, the period an admin names. A run first marks the period billed (from then on new
 * sessions of it go on the next period's invoice), then issues the open invoices of that period and of
 * any earlier one, a chunk per transaction, until none is left. Running it again, after a crash or at
 * the same time elsewhere, issues what is left and nothing twice.
 */
@ApplicationScoped
public class BillingRuns {

    private final EntityManager entityManager;
    private final BillingState billingState;
    private final InvoiceIssuing issuing;
    private final BillingConfig config;
    private final Clock clock;

    public BillingRuns(EntityManager entityManager, BillingState billingState, InvoiceIssuing issuing,
                       BillingConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.billingState = billingState;
        this.issuing = issuing;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "billing-runs", every = "${evsettle.billing.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        runDue(clock.instant());
    }

    /**
     * Bills, now, the period an admin asks for by its first day: 400 when periodStart is not the first
     * day of one of the operator's periods, 422 while the period has not ended or is in its grace days.
     */
    public BillingRun request(Operator operator, LocalDate periodStart) {
        BillingPeriod period = operator.periodContaining(periodStart);
        if (!period.start().equals(periodStart)) {
            throw DomainException.invalid("periodStart", "must be the first day of a " + operator.billingInterval
                    + " period, such as " + period.start());
        }
        Instant now = clock.instant();
        LocalDate billableFrom = operator.billableFrom(period);
        if (operator.today(now).isBefore(billableFrom)) {
            throw DomainException.unprocessable("The period " + period.start() + " to " + period.end()
                    + " can be billed from " + billableFrom + ", once it has ended and its " + operator.graceDays
                    + " grace days have passed");
        }
        return run(operator.id, period, BillingRun.Trigger.REQUEST, now);
    }

    /** Runs every operator's billing that is due at this instant; returns the runs it made. */
    public List<BillingRun> runDue(Instant now) {
        List<UUID> operators = QuarkusTransaction.requiringNew().call(
                () -> entityManager.createQuery("select o.id from Operator o", UUID.class).getResultList());
        List<BillingRun> runs = new ArrayList<>();
        for (UUID operatorId : operators) {
            try {
                runDue(operatorId, now).ifPresent(runs::add);
            } catch (RuntimeException e) {
                // one operator's failure must not hold up the others; the next check tries again
                Log.errorf(e, "Billing run for operator %s failed; it will be resumed", operatorId);
            }
        }
        return runs;
    }

    /** Runs the operator's billing if a period is due at this instant, or a run was left unfinished. */
    public Optional<BillingRun> runDue(UUID operatorId, Instant now) {
        return dueRun(operatorId, now).map(period -> run(operatorId, period, BillingRun.Trigger.SCHEDULE, now));
    }

    /**
     * Bills the period: marks it billed, issues its open invoices (and older ones) and completes the run.
     * The caller has checked that the period may be billed.
     */
    public BillingRun run(UUID operatorId, BillingPeriod period, BillingRun.Trigger trigger, Instant now) {
        UUID runId = QuarkusTransaction.requiringNew().call(() -> start(operatorId, period, trigger, now));
        int issued;
        do {
            issued = QuarkusTransaction.requiringNew().call(
                    () -> issuing.issueChunk(runId, operatorId, period.end(), now, config.chunkSize()));
        } while (issued > 0);
        return QuarkusTransaction.requiringNew().call(() -> complete(runId, operatorId, period));
    }

    /**
     * The period to bill for the operator now, if any: a run left unfinished (a crash) first, else the
     * latest billable period, unless it is billed and nothing of it or before it is left open.
     */
    private Optional<BillingPeriod> dueRun(UUID operatorId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Operator operator = Operator.findById(operatorId);
            if (operator == null) {
                return Optional.empty();
            }
            Optional<BillingRun> unfinished = BillingRun.<BillingRun>find(
                    "operatorId = ?1 and status = ?2 order by periodStart", operatorId, BillingRun.Status.RUNNING)
                    .firstResultOptional();
            if (unfinished.isPresent()) {
                return unfinished.map(r -> new BillingPeriod(r.periodStart, r.periodEnd));
            }
            BillingPeriod due = operator.latestBillablePeriod(operator.today(now));
            Optional<LocalDate> billedThrough = billingState.peek(operatorId);
            boolean billed = billedThrough.isPresent() && !billedThrough.get().isBefore(due.end());
            return billed && !hasOpenThrough(operatorId, billedThrough.get()) ? Optional.empty() : Optional.of(due);
        });
    }

    UUID start(UUID operatorId, BillingPeriod period, BillingRun.Trigger trigger, Instant now) {
        Object id = entityManager.createNativeQuery("""
                        INSERT INTO billing_run (id, operator_id, period_start, period_end, triggered_by, status, started_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, 'RUNNING', ?6)
                        ON CONFLICT (operator_id, period_start, period_end) DO UPDATE SET status = 'RUNNING'
                        RETURNING id""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, operatorId)
                .setParameter(3, Date.valueOf(period.start()))
                .setParameter(4, Date.valueOf(period.end()))
                .setParameter(5, trigger.name())
                .setParameter(6, Timestamp.from(now))
                .getSingleResult();
        billingState.advance(operatorId, period.end());
        Log.infof("Billing run for operator %s, %s to %s, started (%s)", operatorId, period.start(), period.end(),
                trigger);
        return id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
    }

    /**
     * Completes the run. Its row is locked first: another run of the same period may still be adding
     * its chunk's counts, and writing the run back from a stale read would lose them.
     */
    BillingRun complete(UUID runId, UUID operatorId, BillingPeriod period) {
        BillingRun run = BillingRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        run.held = ((Number) entityManager.createNativeQuery("""
                        SELECT count(*) FROM invoice i
                        WHERE i.operator_id = ?1 AND i.status = 'OPEN' AND i.period_end <= ?2
                          AND NOT EXISTS (SELECT 1 FROM driver d WHERE d.id = i.driver_id)""")
                .setParameter(1, operatorId)
                .setParameter(2, Date.valueOf(period.end()))
                .getSingleResult()).intValue();
        run.status = BillingRun.Status.COMPLETED;
        run.completedAt = clock.instant();
        if (run.held > 0) {
            Log.warnf("Billing run %s holds %d invoices whose driver the registry has not told of", runId, run.held);
        }
        Log.infof("Billing run for operator %s, %s to %s: %d invoices (%s to %s), %d statements, %d closed unbilled",
                operatorId, period.start(), period.end(), run.invoicesIssued, run.firstNumber, run.lastNumber,
                run.statementsIssued, run.closedUnbilled);
        return run;
    }

    private boolean hasOpenThrough(UUID operatorId, LocalDate through) {
        return !entityManager.createNativeQuery(
                        "SELECT 1 FROM invoice WHERE operator_id = ?1 AND status = 'OPEN' AND period_end <= ?2 LIMIT 1")
                .setParameter(1, operatorId)
                .setParameter(2, Date.valueOf(through))
                .getResultList().isEmpty();
    }
}
