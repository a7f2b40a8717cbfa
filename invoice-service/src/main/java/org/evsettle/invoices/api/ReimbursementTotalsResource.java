package org.evsettle.invoices.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.invoices.Operator;
import org.evsettle.invoices.ReimbursementTotals;
import org.evsettle.invoices.documents.InvoiceCsv;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/** What an operator reimbursed its employees for charging at home, per employee and month, as JSON and as CSV. */
@Path("/api/operators/{operatorId}")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Payouts", description = "SEPA credit transfers paying employees their reimbursement statements")
public class ReimbursementTotalsResource {

    private static final String OPERATOR_SCOPE = BillingRunResource.OPERATOR_SCOPE;
    private static final String AN_OPERATOR = BillingRunResource.AN_OPERATOR;
    private static final String NO_OPERATOR = BillingRunResource.NO_OPERATOR;

    private final Caller caller;
    private final ReimbursementTotals totals;

    public ReimbursementTotalsResource(Caller caller, ReimbursementTotals totals) {
        this.caller = caller;
        this.totals = totals;
    }

    /** The totals, in the list shape of the platform (one page: a year of a company's employees). */
    public record TotalsView(List<ReimbursementTotals.Total> items) {
    }

    @GET
    @Path("/reimbursements")
    @Transactional
    @Operation(summary = "Read the reimbursements per employee and month",
            description = "For the months from..to (YYYY-MM, both inclusive, in the operator's zone): per employee and"
                    + " month the sessions reimbursed, their energy and the amount after monthly caps, corrections"
                    + " netted." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The totals")
    @APIResponse(responseCode = "400", description = "from or to is no month, or to lies before from")
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    public TotalsView json(@Parameter(description = "The operator's id", example = AN_OPERATOR)
                           @PathParam("operatorId") UUID operatorId,
                           @Parameter(description = "The first month", example = "2026-01") @QueryParam("from") String from,
                           @Parameter(description = "The last month", example = "2026-12") @QueryParam("to") String to) {
        caller.administeredOperator(operatorId, Operator::known);
        return new TotalsView(totals.of(operatorId, month("from", from), month("to", to)));
    }

    @GET
    @Path("/reimbursements.csv")
    @Produces("text/csv")
    @Transactional
    @Operation(summary = "Download the reimbursements per employee and month as CSV",
            description = "The same totals for payroll or bookkeeping, headed in the operator's language unless lang asks"
                    + " for another; cells a spreadsheet would run as a formula are defused." + OPERATOR_SCOPE)
    @APIResponse(responseCode = "200", description = "The totals CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "from or to is no month, or to lies before from")
    @APIResponse(responseCode = "404", description = NO_OPERATOR)
    public Response csv(@Parameter(description = "The operator's id", example = AN_OPERATOR)
                        @PathParam("operatorId") UUID operatorId,
                        @Parameter(description = "The first month", example = "2026-01") @QueryParam("from") String from,
                        @Parameter(description = "The last month", example = "2026-12") @QueryParam("to") String to,
                        @Parameter(description = ReaderLanguage.DESCRIPTION, example = "nl")
                        @QueryParam(ReaderLanguage.PARAMETER) String lang) {
        caller.administeredOperator(operatorId, Operator::known);
        DocumentLanguage language = ReaderLanguage.ofOperator(lang, operatorId);
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        return InvoiceResource.download(InvoiceCsv.reimbursements(totals.of(operatorId, first, last), language),
                "text/csv", "reimbursements-" + first + "-" + last + ".csv");
    }

    private static YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            return "from".equals(field) ? YearMonth.of(1970, 1) : YearMonth.of(9999, 12);
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a month such as 2026-03");
        }
    }
}
