package org.evsettle.invoices.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evsettle.invoices.BankStatement;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceStatus;
import org.evsettle.invoices.InvoiceTotals;
import org.evsettle.invoices.Operator;
import org.evsettle.invoices.PaymentImport;
import org.evsettle.invoices.documents.InvoiceCsv;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Roles;

/**
 * An operator's money: what its drivers owe, the journal of its documents as CSV for the bookkeeping,
 * and the import of a bank statement that books the payments it shows.
 */
@Path("/api/operators/{operatorId}")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class ReceivablesResource {

    private final OperatorAccess operators;
    private final PaymentImport paymentImport;
    private final EntityManager entityManager;

    public ReceivablesResource(OperatorAccess operators, PaymentImport paymentImport, EntityManager entityManager) {
        this.operators = operators;
        this.paymentImport = paymentImport;
        this.entityManager = entityManager;
    }

    /** Totals outstanding per currency: receivable invoices, of which overdue, and the open (unissued) ones. */
    @GET
    @Path("/receivables")
    @Transactional
    public ReceivablesView receivables(@PathParam("operatorId") UUID operatorId) {
        Operator operator = operators.require(operatorId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT currency,
                               count(*) FILTER (WHERE status IN ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE')),
                               COALESCE(sum(gross_amount - credited_amount - paid_amount)
                                   FILTER (WHERE status IN ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE')), 0),
                               count(*) FILTER (WHERE status = 'OVERDUE'),
                               COALESCE(sum(gross_amount - credited_amount - paid_amount) FILTER (WHERE status = 'OVERDUE'), 0),
                               count(*) FILTER (WHERE status = 'OPEN'),
                               COALESCE(sum(gross_amount) FILTER (WHERE status = 'OPEN'), 0)
                        FROM invoice WHERE operator_id = ?1 AND kind = 'INVOICE' GROUP BY currency ORDER BY currency""")
                .setParameter(1, operatorId)
                .getResultList();
        List<ReceivablesView.CurrencyTotal> totals = new ArrayList<>();
        for (Object[] row : rows) {
            totals.add(new ReceivablesView.CurrencyTotal((String) row[0], ((Number) row[1]).longValue(), money(row[2]),
                    ((Number) row[3]).longValue(), money(row[4]), ((Number) row[5]).longValue(), money(row[6])));
        }
        return new ReceivablesView(operatorId, operator.today(Instant.now()), totals);
    }

    /** The operator's issued documents (invoices, credit notes, statements) issued from..to, as CSV. */
    @GET
    @Path("/journal.csv")
    @Produces("text/csv")
    @Transactional
    public Response journal(@PathParam("operatorId") UUID operatorId, @QueryParam("from") String from,
                            @QueryParam("to") String to) {
        operators.require(operatorId);
        LocalDate first = InvoiceResource.date("from", from);
        LocalDate last = InvoiceResource.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw DomainException.invalid("to", "must not be before from");
        }
        List<Invoice> documents = Invoice.list("operatorId = ?1 and status <> ?2 and issueDate >= ?3 and issueDate <= ?4"
                        + " order by issueDate, number", operatorId, InvoiceStatus.OPEN,
                first == null ? LocalDate.of(1970, 1, 1) : first, last == null ? LocalDate.of(9999, 12, 31) : last);
        return InvoiceResource.download(InvoiceCsv.journal(documents), "text/csv",
                "journal-" + (first == null ? "start" : first) + "-" + (last == null ? "now" : last) + ".csv");
    }

    /**
     * Books the incoming payments of a bank statement (CSV export with a header row) on the operator's
     * invoices, matched by payment reference or invoice number; importing it again books nothing twice.
     */
    @POST
    @Path("/bank-statements")
    @Consumes({"text/csv", "text/plain"})
    public PaymentImport.Result importStatement(@PathParam("operatorId") UUID operatorId, String csv) {
        operators.require(operatorId);
        BankStatement statement;
        try {
            statement = BankStatement.parse(csv);
        } catch (BankStatement.Unreadable e) {
            throw DomainException.invalid("body", e.getMessage());
        }
        return paymentImport.apply(operatorId, statement);
    }

    private static BigDecimal money(Object value) {
        return value == null ? InvoiceTotals.ZERO : InvoiceTotals.cents(new BigDecimal(value.toString()));
    }
}
