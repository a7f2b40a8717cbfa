package org.evsettle.invoices.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.evsettle.invoices.BillingPeriod;
import org.evsettle.invoices.BillingRun;
import org.evsettle.invoices.BillingRuns;
import org.evsettle.invoices.Operator;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Roles;

/**
 * Billing runs of an operator: the list, and a run started on request for a period that has ended and
 * whose grace days have passed. Requesting a run that ran already resumes it: it issues what is left
 * and nothing twice.
 */
@Path("/api/operators/{operatorId}/billing-runs")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class BillingRunResource {

    private final OperatorAccess operators;
    private final BillingRuns runs;

    public BillingRunResource(OperatorAccess operators, BillingRuns runs) {
        this.operators = operators;
        this.runs = runs;
    }

    @GET
    public List<BillingRunView> list(@PathParam("operatorId") UUID operatorId) {
        operators.require(operatorId);
        return BillingRun.<BillingRun>list("operatorId = ?1 order by periodStart desc", operatorId).stream()
                .map(BillingRunView::of).toList();
    }

    /** Runs the billing of the period that starts on periodStart, now; answers when every document is issued. */
    @POST
    public BillingRunView run(@PathParam("operatorId") UUID operatorId, @Valid @NotNull BillingRunForm form) {
        Operator operator = operators.require(operatorId);
        BillingPeriod period = operator.periodContaining(form.periodStart());
        if (!period.start().equals(form.periodStart())) {
            throw DomainException.invalid("periodStart", "must be the first day of a " + operator.billingInterval
                    + " period, such as " + period.start());
        }
        Instant now = Instant.now();
        LocalDate billableFrom = operator.billableFrom(period);
        if (operator.today(now).isBefore(billableFrom)) {
            throw DomainException.unprocessable("The period " + period.start() + " to " + period.end()
                    + " can be billed from " + billableFrom + ", once it has ended and its " + operator.graceDays
                    + " grace days have passed");
        }
        return BillingRunView.of(runs.run(operatorId, period, BillingRun.Trigger.REQUEST, now));
    }
}
