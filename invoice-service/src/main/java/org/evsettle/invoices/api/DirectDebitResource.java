package org.evsettle.invoices.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
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
import org.evsettle.invoices.CollectionSettings;
import org.evsettle.invoices.DirectDebit;
import org.evsettle.invoices.DirectDebitBatch;
import org.evsettle.invoices.DirectDebits;
import org.evsettle.invoices.Operator;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.outbox.api.KeysetQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * SEPA direct debit collection for an operator: its creditor identifier, batches per collection date
 * with their pain.008.001.02 file for the bank, and the settlement of a batch once the bank has
 * collected (paying the invoices, except those whose debit came back).
 */
@Path("/api/operators/{operatorId}")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Direct debits", description = "SEPA Core direct debit collection of an operator's invoices")
public class DirectDebitResource {

    private static final String OPERATOR_SCOPE = BillingRunResource.OPERATOR_SCOPE;
    private static final String AN_OPERATOR = BillingRunResource.AN_OPERATOR;
    private static final String NO_OPERATOR = BillingRunResource.NO_OPERATOR;
    private static final String A_BATCH = "0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b";
    private static final Keyset NEWEST_COLLECTION_FIRST = Keyset.of(
            Keyset.descending("collectionDate", LocalDate.class), Keyset.descending("createdAt", Instant.class),
            Keyset.descending("id", UUID.class));

    private final Caller caller;
    private final DirectDebits directDebits;

    public DirectDebitResource(Caller caller, DirectDebits directDebits) {
        this.caller = caller;
        this.directDebits = directDebits;
    }

    /** The record of what the operator collects with. */
    public record CollectionSettingsView(UUID operatorId, String creditorId, Instant updatedAt) {
        static CollectionSettingsView of(CollectionSettings s) {
            return new CollectionSettingsView(s.operatorId, s.creditorId, s.updatedAt);
        }
    }

    @GET
    @Path("/collection-settings")
    @Transactional
    @Operation(summary = "Read the collection settings",
            description = "The SEPA creditor identifier the operator collects direct debits with (the registry does not"
                    + " carry it)." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The collection settings")
    @APIResponse(responseCode = "404", description = "No such operator here, not the caller's, or no settings yet")
    public CollectionSettingsView settings(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId) {
        caller.administeredOperator(operatorId, Operator::known);
        return CollectionSettings.<CollectionSettings>findByIdOptional(operatorId).map(CollectionSettingsView::of)
                .orElseThrow(() -> DomainException.notFound("Collection settings of operator", operatorId));
    }

    @PUT
    @Path("/collection-settings")
    @Transactional
    @Operation(summary = "Set the collection settings",
            description = "Sets the operator's SEPA creditor identifier, checked (ISO 7064 MOD 97-10) and stored without"
                    + " spaces in capitals." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The collection settings as stored")
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    public CollectionSettingsView saveSettings(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            @Valid @NotNull CollectionSettingsForm form) {
        caller.administeredOperator(operatorId, Operator::known);
        return CollectionSettingsView.of(directDebits.collectWith(operatorId, form.creditorId()));
    }

    @GET
    @Path("/direct-debits")
    @Transactional
    @Operation(summary = "List direct debit batches",
            description = "The operator's batches, latest collection date first, a page at a time, each with its"
                    + " debits." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "A page of batches")
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    public Page<DirectDebitBatchView> batches(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            @BeanParam PageRequest page) {
        caller.administeredOperator(operatorId, Operator::known);
        return KeysetQuery.page(DirectDebitBatch.class, NEWEST_COLLECTION_FIRST, "operatorId = :operatorId",
                        Map.of("operatorId", operatorId), page, b -> List.of(b.collectionDate, b.createdAt, b.id))
                .map(b -> DirectDebitBatchView.of(b, DirectDebit.of(b.id), List.of()));
    }

    @POST
    @Path("/direct-debits")
    @Transactional
    @Operation(summary = "Make a direct debit batch",
            description = "Makes the batch for a collection date after the operator's today: every EUR invoice due by"
                    + " then of a driver with a valid mandate, at what is outstanding, FRST for a mandate's first"
                    + " collection and RCUR after. A mandate unused for 36 months has lapsed and is skipped; an invoice"
                    + " is in one pending batch at most; invoices in a pending batch are not chased." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "201", description = "The batch, with its debits and what it skipped",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DirectDebitBatchView.class)))
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    @APIResponse(responseCode = "422", description = "No creditor identifier or IBAN to collect with, or nothing to"
            + " collect")
    public RestResponse<DirectDebitBatchView> create(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            @Valid @NotNull DirectDebitForm form) {
        Operator operator = caller.administeredOperator(operatorId, Operator::known);
        DirectDebits.Created created = directDebits.create(operator, form.collectionDate());
        return RestResponse.status(RestResponse.Status.CREATED,
                DirectDebitBatchView.of(created.batch(), created.debits(), created.skipped()));
    }

    @GET
    @Path("/direct-debits/{batchId}")
    @Transactional
    @Operation(summary = "Read a direct debit batch", description = "The batch and its debits." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The batch")
    @APIResponse(responseCode = "404", description = "No such operator or batch here, or not the caller's")
    public DirectDebitBatchView batch(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            @Parameter(description = "The batch's id", example = A_BATCH)
            @PathParam("batchId") UUID batchId) {
        return DirectDebitBatchView.of(batchOf(operatorId, batchId), DirectDebit.of(batchId), List.of());
    }

    @GET
    @Path("/direct-debits/{batchId}/pain.008")
    @Produces("application/xml")
    @Transactional
    @Operation(summary = "Download the pain.008 file of a batch",
            description = "The pain.008.001.02 XML of the batch, exactly as it is to be handed to the bank." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The pain.008.001.02 XML, named after the message id",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such operator or batch here, or not the caller's")
    public Response document(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            @Parameter(description = "The batch's id", example = A_BATCH)
            @PathParam("batchId") UUID batchId) {
        DirectDebitBatch batch = batchOf(operatorId, batchId);
        return InvoiceResource.download(batch.document, "application/xml", batch.messageId + ".xml");
    }

    @POST
    @Path("/direct-debits/{batchId}/settlement")
    @Transactional
    @Operation(summary = "Settle a direct debit batch",
            description = "Reports the bank's outcome once: every debit not named as returned is booked as paid on the"
                    + " collection date (one paid otherwise meanwhile is reported, not booked twice); returned ones are"
                    + " chased again." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The batch, SETTLED, with the debits not booked and why")
    @APIResponse(responseCode = "404", description = "No such operator or batch here, or not the caller's")
    @APIResponse(responseCode = "409", description = "The batch is settled already")
    public DirectDebitBatchView settle(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            @Parameter(description = "The batch's id", example = A_BATCH)
            @PathParam("batchId") UUID batchId,
            SettlementForm form) {
        DirectDebitBatch batch = batchOf(operatorId, batchId);
        List<DirectDebits.Skipped> notBooked = directDebits.settle(batch,
                form == null || form.returned() == null ? List.of() : form.returned());
        return DirectDebitBatchView.of(batch, DirectDebit.of(batchId), notBooked);
    }

    private DirectDebitBatch batchOf(UUID operatorId, UUID batchId) {
        caller.administeredOperator(operatorId, Operator::known);
        return DirectDebitBatch.<DirectDebitBatch>findByIdOptional(batchId)
                .filter(b -> b.operatorId.equals(operatorId))
                .orElseThrow(() -> DomainException.notFound("Direct debit batch", batchId));
    }
}
