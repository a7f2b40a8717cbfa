package org.evsettle.invoices.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.invoices.BillingRun;
import org.evsettle.invoices.BillingRuns;
import org.evsettle.invoices.Operator;
import org.evsettle.invoices.documents.UblArchive;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.outbox.api.KeysetQuery;

/**
 * Billing runs of an operator: the list, and a run started on request for a period that has ended and
 * whose grace days have passed. Requesting a run that ran already resumes it: it issues what is left
 * and nothing twice. The UBL files of a run's documents come as one ZIP, for the operator's Peppol
 * access point.
 */
@Path("/api/operators/{operatorId}/billing-runs")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Billing runs", description = "Issuing the invoices of an operator's billing periods")
public class BillingRunResource {

    static final String OPERATOR_SCOPE = " For platform admins and the admins of this operator; another operator, or"
            + " one the registry has not told about, answers 404.";
    static final String AN_OPERATOR = "8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f";
    static final String NO_OPERATOR = "No such operator here, or not the caller's";
    static final String A_RUN = "5b7e2c1a-3f4d-4e6a-8b9c-0d1e2f3a4b5c";
    private static final Keyset NEWEST_PERIOD_FIRST = Keyset.of(Keyset.descending("periodStart", LocalDate.class),
            Keyset.descending("id", UUID.class));

    private final Caller caller;
    private final BillingRuns runs;

    public BillingRunResource(Caller caller, BillingRuns runs) {
        this.caller = caller;
        this.runs = runs;
    }

    @GET
    @Transactional
    @Operation(summary = "List billing runs",
            description = "The operator's billing runs, newest period first, a page at a time: one per period, whoever"
                    + " started it and however often, with what it issued." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "A page of billing runs")
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    public Page<BillingRunView> list(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            @BeanParam PageRequest page) {
        caller.administeredOperator(operatorId, Operator::known);
        return KeysetQuery.page(BillingRun.class, NEWEST_PERIOD_FIRST, "operatorId = :operatorId",
                Map.of("operatorId", operatorId), page, r -> List.of(r.periodStart, r.id)).map(BillingRunView::of);
    }

    @POST
    @Operation(summary = "Bill a period now",
            description = "Bills the period that starts on periodStart (the first day of one of the operator's periods)"
                    + " once it has ended and its grace days have passed: marks it billed, so later sessions of it go on"
                    + " the next period's invoice, then issues every open invoice of it and of earlier periods, with"
                    + " gap-free numbers, and answers the run when every document is issued. Running a period again"
                    + " resumes it: it issues what is left and nothing twice. Invoices of drivers the registry has not"
                    + " told about are held (counted as held)." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The run, COMPLETED: every document it could issue is issued")
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    @APIResponse(responseCode = "422", description = "The period has not ended or is still in its grace days")
    public BillingRunView run(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            @Valid @NotNull BillingRunForm form) {
        Operator operator = caller.administeredOperator(operatorId, Operator::known);
        return BillingRunView.of(runs.request(operator, form.periodStart()));
    }

    @GET
    @Path("/{runId}/ubl.zip")
    @Produces("application/zip")
    @Operation(summary = "Download the UBL of a billing run's documents as one ZIP",
            description = "Every invoice and credit note the run issued as UBL 2.1 in Peppol BIS Billing 3.0 form, one file"
                    + " per document named by its number (LINDE-2026-000001.xml), in the order of the numbers, for the"
                    + " operator's Peppol access point; statements have no UBL form and are left out. Streamed as it is"
                    + " written." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The ZIP of UBL files",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such operator or run here, or not the caller's")
    public Response ublZip(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            @Parameter(description = "The billing run's id", example = A_RUN)
            @PathParam("runId") UUID runId) {
        caller.administeredOperator(operatorId, Operator::known);
        BillingRun run = BillingRun.<BillingRun>findByIdOptional(runId)
                .filter(r -> r.operatorId.equals(operatorId))
                .orElseThrow(() -> DomainException.notFound("Billing run", runId));
        List<UUID> documents = UblArchive.documentsOf(run);
        StreamingOutput body = out -> UblArchive.write(documents, out);
        return InvoiceResource.download(body, "application/zip", "ubl-" + run.periodStart + "-" + run.periodEnd + ".zip");
    }
}
