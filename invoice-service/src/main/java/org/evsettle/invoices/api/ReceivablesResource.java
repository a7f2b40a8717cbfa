package org.evsettle.invoices.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.invoices.BankStatement;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.Operator;
import org.evsettle.invoices.PaymentImport;
import org.evsettle.invoices.Receivables;
import org.evsettle.invoices.documents.InvoiceCsv;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Filters;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * An operator's money: what its drivers owe, the journal of its documents as CSV for the bookkeeping,
 * and the import of a bank statement that books the payments it shows.
 */
@Path("/api/operators/{operatorId}")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Receivables", description = "What an operator's drivers owe, its journal, and bank statement imports")
public class ReceivablesResource {

    private static final String OPERATOR_SCOPE = BillingRunResource.OPERATOR_SCOPE;
    private static final String AN_OPERATOR = BillingRunResource.AN_OPERATOR;
    private static final String NO_OPERATOR = BillingRunResource.NO_OPERATOR;
    private static final String STATEMENT_EXAMPLE = """
            "Datum";"Naam / Omschrijving";"Tegenrekening";"Af Bij";"Bedrag (EUR)";"Mededelingen"
            "20260305";"A. de Vries";"NL44RABO0123456789";"Bij";"12,10";"RF46 2026 0001 23"
            """;

    private final Caller caller;
    private final Receivables receivables;
    private final PaymentImport paymentImport;

    public ReceivablesResource(Caller caller, Receivables receivables, PaymentImport paymentImport) {
        this.caller = caller;
        this.receivables = receivables;
        this.paymentImport = paymentImport;
    }

    @GET
    @Path("/receivables")
    @Operation(summary = "Read what the operator's drivers owe",
            description = "Per currency, on the operator's today: the invoices that wait for money and what is"
                    + " outstanding on them, of which overdue, and the open invoices not issued yet." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The totals per currency")
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    public ReceivablesView receivables(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId) {
        Operator operator = caller.administeredOperator(operatorId, Operator::known);
        return ReceivablesView.of(operatorId, receivables.of(operator));
    }

    @GET
    @Path("/journal.csv")
    @Produces("text/csv")
    @Transactional
    @Operation(summary = "Download the journal of documents as CSV",
            description = "Every invoice, credit note and statement the operator issued from..to (issue dates, both"
                    + " inclusive, calendar dates in the operator's time zone; open-ended when left out), in the order"
                    + " of issue: number, kind, status, dates, customer, amounts per VAT rate, paid, credited and"
                    + " outstanding, for the bookkeeping. The header row is in the operator's language unless lang asks"
                    + " for another; the values are ISO dates and plain numbers in every language." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The journal CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    public Response journal(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            @Parameter(description = "The first issue date, in the operator's time zone", example = "2026-03-01")
            @QueryParam("from") String from,
            @Parameter(description = "The last issue date, in the operator's time zone", example = "2026-03-31")
            @QueryParam("to") String to,
            @Parameter(description = ReaderLanguage.DESCRIPTION, example = "nl")
            @QueryParam(ReaderLanguage.PARAMETER) String lang) {
        caller.administeredOperator(operatorId, Operator::known);
        DocumentLanguage language = ReaderLanguage.ofOperator(lang, operatorId);
        LocalDate first = Filters.date("from", from);
        LocalDate last = Filters.date("to", to);
        Filters.requireOrdered("from", first, "to", last);
        return InvoiceResource.download(InvoiceCsv.journal(Invoice.issuedBetween(operatorId, first, last), language), "text/csv",
                "journal-" + (first == null ? "start" : first) + "-" + (last == null ? "now" : last) + ".csv");
    }

    @POST
    @Path("/bank-statements")
    @Consumes({"text/csv", "text/plain"})
    @Operation(summary = "Import a bank statement",
            description = "Books the incoming payments of a bank statement (a CSV export with a header row; comma,"
                    + " semicolon or tab separated; Dutch, English or French column names) on the operator's invoices,"
                    + " matched by RF payment reference, else by invoice number. A row is booked once however often the"
                    + " statement is imported; rows that match nothing or would overpay are reported, never guessed"
                    + " at." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "What the import booked, row by row, and what it did not")
    @RequestBody(description = "The statement as the bank exports it", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING,
                    example = STATEMENT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    public PaymentImport.Result importStatement(
            @Parameter(description = "The operator's id", example = AN_OPERATOR)
            @PathParam("operatorId") UUID operatorId,
            String csv) {
        caller.administeredOperator(operatorId, Operator::known);
        BankStatement statement;
        try {
            statement = BankStatement.parse(csv);
        } catch (BankStatement.Unreadable e) {
            throw DomainException.invalid("body", e.getMessage());
        }
        return paymentImport.apply(operatorId, statement);
    }
}
