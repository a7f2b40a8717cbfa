package org.evsettle.invoices.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.invoices.CollectionSettings;
import org.evsettle.invoices.DirectDebit;
import org.evsettle.invoices.DirectDebitBatch;
import org.evsettle.invoices.DirectDebits;
import org.evsettle.invoices.Operator;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * SEPA direct debit collection for an operator: its creditor identifier, batches per collection date
 * with their pain.008.001.02 file for the bank, and the settlement of a batch once the bank has
 * collected (paying the invoices, except those whose debit came back).
 */
@Path("/api/operators/{operatorId}")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class DirectDebitResource {

    private final OperatorAccess operators;
    private final DirectDebits directDebits;

    public DirectDebitResource(OperatorAccess operators, DirectDebits directDebits) {
        this.operators = operators;
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
    public CollectionSettingsView settings(@PathParam("operatorId") UUID operatorId) {
        operators.require(operatorId);
        return CollectionSettings.<CollectionSettings>findByIdOptional(operatorId).map(CollectionSettingsView::of)
                .orElseThrow(() -> DomainException.notFound("Collection settings of operator", operatorId));
    }

    @PUT
    @Path("/collection-settings")
    @Transactional
    public CollectionSettingsView saveSettings(@PathParam("operatorId") UUID operatorId,
                                               @Valid @NotNull CollectionSettingsForm form) {
        operators.require(operatorId);
        if (!CollectionSettings.isCreditorId(form.creditorId())) {
            throw DomainException.invalid("creditorId", "is not a valid SEPA creditor identifier (like NL57ZZZ999999999999)");
        }
        CollectionSettings settings = CollectionSettings.<CollectionSettings>findByIdOptional(operatorId).orElseGet(() -> {
            CollectionSettings created = new CollectionSettings();
            created.operatorId = operatorId;
            return created;
        });
        settings.creditorId = CollectionSettings.normalize(form.creditorId());
        settings.updatedAt = Instant.now();
        settings.persist();
        return CollectionSettingsView.of(settings);
    }

    @GET
    @Path("/direct-debits")
    @Transactional
    public List<DirectDebitBatchView> batches(@PathParam("operatorId") UUID operatorId) {
        operators.require(operatorId);
        return DirectDebitBatch.<DirectDebitBatch>list("operatorId = ?1 order by collectionDate desc, createdAt desc",
                operatorId).stream().map(b -> DirectDebitBatchView.of(b, DirectDebit.of(b.id), List.of())).toList();
    }

    /** Makes the batch for a collection date: every EUR invoice due by then of a driver with a valid mandate. */
    @POST
    @Path("/direct-debits")
    @Transactional
    public RestResponse<DirectDebitBatchView> create(@PathParam("operatorId") UUID operatorId,
                                                     @Valid @NotNull DirectDebitForm form) {
        Operator operator = operators.require(operatorId);
        if (!form.collectionDate().isAfter(operator.today(Instant.now()))) {
            throw DomainException.invalid("collectionDate", "must be a future date: a SEPA Core debit reaches the bank"
                    + " at least one business day ahead");
        }
        DirectDebits.Created created = directDebits.create(operator, form.collectionDate(), Instant.now());
        return RestResponse.status(RestResponse.Status.CREATED,
                DirectDebitBatchView.of(created.batch(), created.debits(), created.skipped()));
    }

    @GET
    @Path("/direct-debits/{batchId}")
    @Transactional
    public DirectDebitBatchView batch(@PathParam("operatorId") UUID operatorId, @PathParam("batchId") UUID batchId) {
        DirectDebitBatch batch = batchOf(operatorId, batchId);
        return DirectDebitBatchView.of(batch, DirectDebit.of(batchId), List.of());
    }

    /** The pain.008.001.02 file of the batch, as it is to be handed to the bank. */
    @GET
    @Path("/direct-debits/{batchId}/pain.008")
    @Produces("application/xml")
    public Response document(@PathParam("operatorId") UUID operatorId, @PathParam("batchId") UUID batchId) {
        DirectDebitBatch batch = batchOf(operatorId, batchId);
        return InvoiceResource.download(batch.document, "application/xml", batch.messageId + ".xml");
    }

    /** Reports the bank's outcome: debits not returned are booked as paid on the collection date. */
    @POST
    @Path("/direct-debits/{batchId}/settlement")
    @Transactional
    public DirectDebitBatchView settle(@PathParam("operatorId") UUID operatorId, @PathParam("batchId") UUID batchId,
                                       SettlementForm form) {
        DirectDebitBatch batch = batchOf(operatorId, batchId);
        List<DirectDebits.Skipped> notBooked = directDebits.settle(batch,
                form == null || form.returned() == null ? List.of() : form.returned());
        return DirectDebitBatchView.of(batch, DirectDebit.of(batchId), notBooked);
    }

    private DirectDebitBatch batchOf(UUID operatorId, UUID batchId) {
        operators.require(operatorId);
        return DirectDebitBatch.<DirectDebitBatch>findByIdOptional(batchId)
                .filter(b -> b.operatorId.equals(operatorId))
                .orElseThrow(() -> DomainException.notFound("Direct debit batch", batchId));
    }
}
