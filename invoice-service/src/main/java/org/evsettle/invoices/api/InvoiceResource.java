package org.evsettle.invoices.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.invoices.Driver;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceStatus;
import org.evsettle.invoices.Operator;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * Invoices as their readers may see them: a platform admin all, an operator admin those of the own
 * operator, a driver only the own. Anything else answers 404, as if it did not exist.
 */
@Path("/api")
public class InvoiceResource {

    private static final Sort NEWEST_PERIOD_FIRST =
            Sort.descending("periodStart").and("createdAt", Sort.Direction.Descending).and("id");

    private final Caller caller;

    public InvoiceResource(Caller caller) {
        this.caller = caller;
    }

    /** Invoices the caller may see, newest period first; filters narrow, they never widen the scope. */
    @GET
    @Path("/invoices")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    public List<InvoiceSummary> list(@QueryParam("operatorId") UUID operatorId, @QueryParam("driverId") UUID driverId,
                                     @QueryParam("status") String status) {
        UUID operator = caller.operatorScope(operatorId).orElse(null);
        UUID driver = driverId;
        if (!caller.isPlatformAdmin() && !caller.isOperatorAdmin()) {
            driver = caller.requireDriverId();
            if (driverId != null && !driverId.equals(driver)) {
                throw DomainException.notFound("Driver", driverId);
            }
        }
        return find(operator, driver, status(status));
    }

    @GET
    @Path("/invoices/{invoiceId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    public InvoiceView get(@PathParam("invoiceId") UUID invoiceId) {
        Invoice invoice = Invoice.<Invoice>findByIdOptional(invoiceId)
                .filter(i -> caller.maySeeDriver(i.operatorId, i.driverId))
                .orElseThrow(() -> DomainException.notFound("Invoice", invoiceId));
        return InvoiceView.of(invoice, Operator.findById(invoice.operatorId), Driver.findById(invoice.driverId));
    }

    /** The calling driver's own invoices, newest period first. */
    @GET
    @Path("/me/invoices")
    @RolesAllowed(Roles.DRIVER)
    public List<InvoiceSummary> mine(@QueryParam("status") String status) {
        return find(caller.requireOperatorId(), caller.requireDriverId(), status(status));
    }

    private static List<InvoiceSummary> find(UUID operatorId, UUID driverId, InvoiceStatus status) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (operatorId != null) {
            where.add("operatorId = :operatorId");
            parameters.put("operatorId", operatorId);
        }
        if (driverId != null) {
            where.add("driverId = :driverId");
            parameters.put("driverId", driverId);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.put("status", status);
        }
        List<Invoice> invoices = where.isEmpty()
                ? Invoice.listAll(NEWEST_PERIOD_FIRST)
                : Invoice.list(String.join(" and ", where), NEWEST_PERIOD_FIRST, parameters);
        return invoices.stream().map(InvoiceSummary::of).toList();
    }

    private static InvoiceStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(InvoiceStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status.trim()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("status",
                        "must be one of " + Arrays.toString(InvoiceStatus.values())));
    }
}
