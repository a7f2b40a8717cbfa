package org.evsettle.invoices.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
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
import org.evsettle.invoices.documents.Formats;
import org.evsettle.invoices.Operator;
import org.evsettle.invoices.Payout;
import org.evsettle.invoices.PayoutBatch;
import org.evsettle.invoices.Payouts;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.outbox.api.KeysetQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Payouts of reimbursement statements for an operator: batches with their pain.001.001.09 file for the bank, and
 * a batch marked executed once the bank carried it out (which makes its statements PAID).
 */
@Path("/api/operators/{operatorId}/payouts")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Payouts", description = "SEPA credit transfers paying employees their reimbursement statements")
public class PayoutResource {

    private static final String OPERATOR_SCOPE = BillingRunResource.OPERATOR_SCOPE;
    private static final String AN_OPERATOR = BillingRunResource.AN_OPERATOR;
    private static final String NO_OPERATOR = BillingRunResource.NO_OPERATOR;
    private static final String A_BATCH = "3f2e1d0c-9b8a-4765-8433-2a1b0c9d8e7f";
    private static final Keyset NEWEST_FIRST = Keyset.of(Keyset.descending("createdAt", Instant.class),
            Keyset.descending("id", UUID.class));

    private final Caller caller;
    private final Payouts payouts;

    public PayoutResource(Caller caller, Payouts payouts) {
        this.caller = caller;
        this.payouts = payouts;
    }

    /** A batch as the API shows it; skipped only in the answer that made it. */
    public record PayoutBatchView(UUID id, UUID operatorId, String messageId, String status, Instant createdAt,
                                  LocalDate executionDate, LocalDate executedOn, int transactionCount,
                                  BigDecimal controlSum, String currency, List<PayoutView> payouts,
                                  List<Payouts.Skipped> skipped) {
        static PayoutBatchView of(PayoutBatch b, List<Payouts.Skipped> skipped) {
            return new PayoutBatchView(b.id, b.operatorId, b.messageId, b.status.name(), b.createdAt, b.executionDate,
                    b.executedOn, b.transactionCount, b.controlSum, b.currency,
                    b.payouts.stream().map(PayoutView::of).toList(), skipped);
        }
    }

    /** One statement paid by a batch; the IBAN masked. */
    public record PayoutView(UUID invoiceId, String number, UUID driverId, String driverName, String iban,
                             BigDecimal amount, String endToEndId) {
        static PayoutView of(Payout p) {
            return new PayoutView(p.invoiceId, p.number, p.driverId, p.name, Formats.maskedIban(p.iban), p.amount,
                    p.endToEndId);
        }
    }

    /** When the transfer is to be carried out (left out: the operator's tomorrow). */
    public record PayoutForm(@Schema(example = "2026-12-07") LocalDate executionDate) {
    }

    /** The day the bank carried a batch out. */
    public record ExecutionForm(@Schema(example = "2026-12-07") LocalDate executedOn) {
    }

    @GET
    @Transactional
    @Operation(summary = "List payout batches", description = "Newest first, a page at a time, each with its payouts."
            + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "A page of batches")
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    public Page<PayoutBatchView> batches(@Parameter(description = "The operator's id", example = AN_OPERATOR)
                                         @PathParam("operatorId") UUID operatorId, @BeanParam PageRequest page) {
        caller.administeredOperator(operatorId, Operator::known);
        return KeysetQuery.page(PayoutBatch.class, NEWEST_FIRST, "operatorId = :operatorId",
                Map.of("operatorId", operatorId), page, b -> List.of(b.createdAt, b.id))
                .map(b -> PayoutBatchView.of(b, List.of()));
    }

    @POST
    @Operation(summary = "Make a payout batch",
            description = "Takes every ISSUED reimbursement statement of the operator that no batch holds, with an amount"
                    + " and the employee's payout IBAN, into one SEPA credit transfer from the operator's account, each"
                    + " with the statement's number as remittance; the others are listed as skipped with why."
                    + OPERATOR_SCOPE)
    @APIResponse(responseCode = "201", description = "The batch, with its payouts and what it skipped",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PayoutBatchView.class)))
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    @APIResponse(responseCode = "409", description = "No IBAN to pay from, or no statement to pay out")
    public RestResponse<PayoutBatchView> create(@Parameter(description = "The operator's id", example = AN_OPERATOR)
                                                @PathParam("operatorId") UUID operatorId, PayoutForm form) {
        caller.administeredOperator(operatorId, Operator::known);
        Payouts.Created created = payouts.create(operatorId, form == null ? null : form.executionDate());
        return RestResponse.status(RestResponse.Status.CREATED, PayoutBatchView.of(created.batch(), created.skipped()));
    }

    @GET
    @Path("/{batchId}")
    @Transactional
    @Operation(summary = "Read a payout batch", description = "The batch and its payouts." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The batch")
    @APIResponse(responseCode = "404", description = "No such operator or batch here, or not the caller's")
    public PayoutBatchView batch(@Parameter(description = "The operator's id", example = AN_OPERATOR)
                                 @PathParam("operatorId") UUID operatorId,
                                 @Parameter(description = "The batch's id", example = A_BATCH)
                                 @PathParam("batchId") UUID batchId) {
        return PayoutBatchView.of(batchOf(operatorId, batchId), List.of());
    }

    @GET
    @Path("/{batchId}/pain.001")
    @Produces("application/xml")
    @Transactional
    @Operation(summary = "Download the pain.001 file of a batch",
            description = "The pain.001.001.09 XML of the batch, exactly as it is to be handed to the bank." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The pain.001.001.09 XML, named after the message id",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such operator or batch here, or not the caller's")
    public Response document(@Parameter(description = "The operator's id", example = AN_OPERATOR)
                             @PathParam("operatorId") UUID operatorId,
                             @Parameter(description = "The batch's id", example = A_BATCH)
                             @PathParam("batchId") UUID batchId) {
        PayoutBatch batch = batchOf(operatorId, batchId);
        return InvoiceResource.download(batch.document, "application/xml", batch.messageId + ".xml");
    }

    @POST
    @Path("/{batchId}/execution")
    @Transactional
    @Operation(summary = "Mark a payout batch executed",
            description = "The bank carried it out on executedOn (left out: the operator's today): every statement in it"
                    + " is PAID. Marking it again changes nothing." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The batch, EXECUTED")
    @APIResponse(responseCode = "404", description = "No such operator or batch here, or not the caller's")
    public PayoutBatchView execute(@Parameter(description = "The operator's id", example = AN_OPERATOR)
                                   @PathParam("operatorId") UUID operatorId,
                                   @Parameter(description = "The batch's id", example = A_BATCH)
                                   @PathParam("batchId") UUID batchId, ExecutionForm form) {
        Operator operator = caller.administeredOperator(operatorId, Operator::known);
        LocalDate on = form == null || form.executedOn() == null ? operator.today(Instant.now()) : form.executedOn();
        PayoutBatch batch = payouts.executed(batchId, operatorId::equals, on);
        return PayoutBatchView.of(batch, List.of());
    }

    private PayoutBatch batchOf(UUID operatorId, UUID batchId) {
        caller.administeredOperator(operatorId, Operator::known);
        return Payouts.of(batchId, operatorId::equals, LockModeType.NONE);
    }
}
