package org.evsettle.invoices.api;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.evsettle.invoices.CreditNotes;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.Driver;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceLine;
import org.evsettle.invoices.InvoiceStatus;
import org.evsettle.invoices.Operator;
import org.evsettle.invoices.Payment;
import org.evsettle.invoices.PaymentMethod;
import org.evsettle.invoices.Payments;
import org.evsettle.invoices.Reminder;
import org.evsettle.invoices.documents.DocumentContent;
import org.evsettle.invoices.documents.InvoiceCsv;
import org.evsettle.invoices.documents.InvoicePdf;
import org.evsettle.invoices.documents.UblDocument;
import org.evsettle.invoices.messaging.InvoicePublisher;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Invoices, credit notes and statements as their readers may see them: a platform admin all, an
 * operator admin those of the own operator, a driver only the own; anything else answers 404, as if it
 * did not exist. Admins also book payments, grant credit and write invoices off here.
 */
@Path("/api")
public class InvoiceResource {

    private static final Sort NEWEST_PERIOD_FIRST = Sort.descending("periodStart").and("issuedAt", Sort.Direction.Descending)
            .and("createdAt", Sort.Direction.Descending).and("id");
    private static final int MAX_PAGE_SIZE = 1000;

    private final Caller caller;
    private final Payments payments;
    private final CreditNotes creditNotes;
    private final InvoicePublisher publisher;

    public InvoiceResource(Caller caller, Payments payments, CreditNotes creditNotes, InvoicePublisher publisher) {
        this.caller = caller;
        this.payments = payments;
        this.creditNotes = creditNotes;
        this.publisher = publisher;
    }

    /**
     * Documents the caller may see, newest period first, a page at a time (X-Total-Count tells how many
     * match); filters narrow the scope, they never widen it. period is a date: the documents whose period
     * holds it.
     */
    @GET
    @Path("/invoices")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    public RestResponse<List<InvoiceSummary>> list(@QueryParam("operatorId") UUID operatorId,
                                                   @QueryParam("driverId") UUID driverId,
                                                   @QueryParam("status") String status, @QueryParam("kind") String kind,
                                                   @QueryParam("period") String period,
                                                   @QueryParam("page") @DefaultValue("0") int page,
                                                   @QueryParam("size") @DefaultValue("100") int size) {
        UUID operator = caller.operatorScope(operatorId).orElse(null);
        UUID driver = driverId;
        if (!caller.isPlatformAdmin() && !caller.isOperatorAdmin()) {
            driver = caller.requireDriverId();
            if (driverId != null && !driverId.equals(driver)) {
                throw DomainException.notFound("Driver", driverId);
            }
        }
        return find(new Filter(operator, driver, parse("status", status, InvoiceStatus.class),
                parse("kind", kind, DocumentKind.class), date("period", period)), page, size);
    }

    @GET
    @Path("/invoices/{invoiceId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    public InvoiceView get(@PathParam("invoiceId") UUID invoiceId) {
        Invoice invoice = visible(invoiceId);
        return InvoiceView.of(invoice, Operator.findById(invoice.operatorId), Driver.findById(invoice.driverId),
                Payment.of(invoice.id), CreditNotes.of(invoice.id), Reminder.of(invoice.id));
    }

    /** The calling driver's own documents, newest period first. */
    @GET
    @Path("/me/invoices")
    @RolesAllowed(Roles.DRIVER)
    public RestResponse<List<InvoiceSummary>> mine(@QueryParam("status") String status, @QueryParam("kind") String kind,
                                                   @QueryParam("period") String period,
                                                   @QueryParam("page") @DefaultValue("0") int page,
                                                   @QueryParam("size") @DefaultValue("100") int size) {
        return find(new Filter(caller.requireOperatorId(), caller.requireDriverId(),
                parse("status", status, InvoiceStatus.class), parse("kind", kind, DocumentKind.class), date("period", period)),
                page, size);
    }

    /** The document as a PDF: what the driver receives. */
    @GET
    @Path("/invoices/{invoiceId}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    public Response pdf(@PathParam("invoiceId") UUID invoiceId) {
        DocumentContent content = content(visible(invoiceId));
        return download(InvoicePdf.render(content), "application/pdf", content.fileName("pdf"));
    }

    /** An invoice or credit note in UBL 2.1, Peppol BIS Billing 3.0 form, for a business customer's bookkeeping. */
    @GET
    @Path("/invoices/{invoiceId}/ubl")
    @Produces("application/xml")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    public Response ubl(@PathParam("invoiceId") UUID invoiceId) {
        Invoice invoice = visible(invoiceId);
        if (invoice.kind == DocumentKind.STATEMENT) {
            throw DomainException.unprocessable("A statement is not an invoice and has no UBL form");
        }
        DocumentContent content = content(invoice);
        return download(UblDocument.write(content), "application/xml", content.fileName("xml"));
    }

    /** The document's lines as CSV, for accounting. */
    @GET
    @Path("/invoices/{invoiceId}/csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    public Response csv(@PathParam("invoiceId") UUID invoiceId) {
        DocumentContent content = content(visible(invoiceId));
        return download(InvoiceCsv.lines(content), "text/csv", content.fileName("csv"));
    }

    @GET
    @Path("/invoices/{invoiceId}/payments")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    public List<PaymentView> payments(@PathParam("invoiceId") UUID invoiceId) {
        return Payment.of(visible(invoiceId).id).stream().map(PaymentView::of).toList();
    }

    /** Books a payment an admin received outside the bank statement import; never more than is outstanding. */
    @POST
    @Path("/invoices/{invoiceId}/payments")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    public RestResponse<PaymentView> pay(@PathParam("invoiceId") UUID invoiceId, @Valid @NotNull PaymentForm form) {
        Invoice invoice = administered(invoiceId);
        Operator operator = Operator.findById(invoice.operatorId);
        if (operator != null && form.paidOn().isAfter(operator.today(Instant.now()))) {
            throw DomainException.invalid("paidOn", "must not be after today");
        }
        String refusal = Payments.refusal(invoice, form.amount());
        if (refusal != null) {
            throw DomainException.unprocessable("Cannot book the payment: " + refusal);
        }
        Payment payment = payments.book(invoice, form.amount(), form.paidOn(), form.reference(), PaymentMethod.TRANSFER, null);
        return RestResponse.status(RestResponse.Status.CREATED, PaymentView.of(payment));
    }

    /** Grants credit: a credit note for the named sessions of an issued invoice (all not credited yet when none are named). */
    @POST
    @Path("/invoices/{invoiceId}/credit-notes")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    public RestResponse<InvoiceView> credit(@PathParam("invoiceId") UUID invoiceId, @Valid @NotNull CreditNoteForm form) {
        Invoice invoice = administered(invoiceId);
        if (invoice.kind != DocumentKind.INVOICE || invoice.status == InvoiceStatus.OPEN) {
            throw DomainException.unprocessable("Only an issued invoice can be credited; " + describe(invoice) + " is not");
        }
        List<InvoiceLine> open = invoice.lines.stream().filter(l -> l.kind == InvoiceLine.Kind.CHARGE && !l.credited).toList();
        List<InvoiceLine> chosen = open;
        if (form.sessionIds() != null && !form.sessionIds().isEmpty()) {
            Set<UUID> wanted = new HashSet<>(form.sessionIds());
            chosen = open.stream().filter(l -> wanted.contains(l.sessionId)).toList();
            Set<UUID> found = new HashSet<>(chosen.stream().map(l -> l.sessionId).toList());
            for (int i = 0; i < form.sessionIds().size(); i++) {
                if (!found.contains(form.sessionIds().get(i))) {
                    throw DomainException.invalid("sessionIds[" + i + "]", "is not a session of " + invoice.number
                            + " that can still be credited");
                }
            }
        }
        if (chosen.isEmpty()) {
            throw DomainException.unprocessable("Every session of " + invoice.number + " is credited already");
        }
        Invoice creditNote = creditNotes.issue(invoice, chosen, form.reason(), Instant.now());
        return RestResponse.status(RestResponse.Status.CREATED, InvoiceView.of(creditNote, null, null, List.of(),
                List.of(), List.of()));
    }

    /** Stops collecting an invoice: what is outstanding is given up (a later payment is still booked). */
    @POST
    @Path("/invoices/{invoiceId}/write-off")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    public InvoiceView writeOff(@PathParam("invoiceId") UUID invoiceId, @Valid @NotNull WriteOffForm form) {
        Invoice invoice = administered(invoiceId);
        if (!invoice.isReceivable()) {
            throw DomainException.unprocessable("Only an invoice that waits for money can be written off; "
                    + describe(invoice) + " does not");
        }
        Operator operator = Operator.findById(invoice.operatorId);
        invoice.writeOff(form.reason(), operator == null ? LocalDate.now() : operator.today(Instant.now()));
        publisher.changed(invoice);
        return get(invoiceId);
    }

    private Invoice visible(UUID invoiceId) {
        return Invoice.<Invoice>findByIdOptional(invoiceId)
                .filter(i -> caller.maySeeDriver(i.operatorId, i.driverId))
                .orElseThrow(() -> DomainException.notFound("Invoice", invoiceId));
    }

    private Invoice administered(UUID invoiceId) {
        return Invoice.<Invoice>findByIdOptional(invoiceId)
                .filter(i -> caller.administers(i.operatorId))
                .flatMap(i -> Invoice.lock(i.id))
                .orElseThrow(() -> DomainException.notFound("Invoice", invoiceId));
    }

    static DocumentContent content(Invoice invoice) {
        if (invoice.status == InvoiceStatus.OPEN) {
            throw DomainException.conflict("Invoice " + invoice.id + " is still open: its documents exist once it is issued");
        }
        Operator operator = Operator.findById(invoice.operatorId);
        ZoneId zone = operator == null ? ZoneId.of("Europe/Amsterdam") : operator.zone();
        LocalDate creditedIssueDate = invoice.creditsInvoiceId == null ? null
                : Invoice.<Invoice>findByIdOptional(invoice.creditsInvoiceId).map(i -> i.issueDate).orElse(null);
        return new DocumentContent(invoice, zone, creditedIssueDate);
    }

    static Response download(Object body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static String describe(Invoice invoice) {
        return (invoice.number == null ? "invoice " + invoice.id : invoice.number) + " (" + invoice.kind + ", "
                + invoice.status + ")";
    }

    private record Filter(UUID operatorId, UUID driverId, InvoiceStatus status, DocumentKind kind, LocalDate period) {
    }

    private static RestResponse<List<InvoiceSummary>> find(Filter filter, int page, int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.operatorId() != null) {
            where.add("operatorId = :operatorId");
            parameters.put("operatorId", filter.operatorId());
        }
        if (filter.driverId() != null) {
            where.add("driverId = :driverId");
            parameters.put("driverId", filter.driverId());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.period() != null) {
            where.add("periodStart <= :day and periodEnd >= :day");
            parameters.put("day", filter.period());
        }
        var query = where.isEmpty() ? Invoice.<Invoice>findAll(NEWEST_PERIOD_FIRST)
                : Invoice.<Invoice>find(String.join(" and ", where), NEWEST_PERIOD_FIRST, parameters);
        long total = query.count();
        List<InvoiceSummary> found = query.page(Page.of(page, size)).list().stream().map(InvoiceSummary::of).toList();
        return RestResponse.ResponseBuilder.ok(found).header("X-Total-Count", total).build();
    }

    /** A date query parameter (yyyy-MM-dd), or 400 naming it. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date like 2026-03-01");
        }
    }

    static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(s -> s.name().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
    }
}
