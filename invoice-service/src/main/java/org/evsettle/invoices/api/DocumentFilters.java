package org.evsettle.invoices.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.InvoiceSearch;
import org.evsettle.invoices.InvoiceStatus;
import org.evsettle.kit.api.Filters;
import org.evsettle.kit.security.Caller;

/**
 * The filters every list of documents takes, as a bean parameter: status and kind in any case (400
 * naming the allowed values otherwise), and period, a calendar date in the operator's time zone.
 */
public class DocumentFilters {

    @QueryParam("status")
    @Parameter(description = "Only documents in this status (any case)", example = "ISSUED")
    InvoiceStatus status;

    @QueryParam("kind")
    @Parameter(description = "Only documents of this kind (any case)", example = "INVOICE")
    DocumentKind kind;

    @QueryParam("period")
    @Parameter(description = "A calendar date in the operator's time zone: the documents whose billing period holds it",
            example = "2026-03-15")
    String period;

    /** The search these filters make within what the caller may see. */
    InvoiceSearch within(Caller.ListScope scope) {
        return new InvoiceSearch(scope.operatorId(), scope.driverId(), status, kind, Filters.date("period", period));
    }
}
