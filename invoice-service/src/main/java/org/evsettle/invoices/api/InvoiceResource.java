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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.invoices.CreditNotes;
import org.evsettle.invoices.Driver;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceSearch;
import org.evsettle.invoices.Operator;
import org.evsettle.invoices.Payment;
import org.evsettle.invoices.Payments;
import org.evsettle.invoices.Reminder;
import org.evsettle.invoices.WriteOffs;
import org.evsettle.invoices.documents.DocumentContent;
import org.evsettle.invoices.documents.InvoiceCsv;
import org.evsettle.invoices.documents.InvoicePdf;
import org.evsettle.invoices.documents.UblDocument;
import org.evsettle.invoices.mail.DocumentMail;
import org.evsettle.invoices.mail.DocumentMails;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.outbox.api.KeysetQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Invoices, credit notes and statements as their readers may see them: a platform admin all, an
 * operator admin those of the own operator, a driver only the own; anything else answers 404, as if it
 * did not exist. Admins also book payments, grant credit and write invoices off here.
 */
@Path("/api")
@Tag(name = "Invoices", description = "Invoices, credit notes and statements, their documents, payments and credit")
public class InvoiceResource {

    static final String SCOPE = " A platform admin sees every document, an operator admin those of the own operator,"
            + " a driver only the own; any other document answers 404, as if it did not exist.";
    private static final String A_DOCUMENT = "5b1d3f5a-7c9e-4b2d-8f6a-1e3c5a7b9d0f";
    private static final String NOT_VISIBLE = "No such document, or not the caller's to see";
    private static final String NOT_MANAGED = "No such invoice, or not the caller's to manage";
    private static final String STILL_OPEN = "The invoice is still open: it has no document yet";
    private static final Keyset NEWEST_PERIOD_FIRST = Keyset.of(Keyset.descending("periodStart", LocalDate.class),
            Keyset.descending("createdAt", Instant.class), Keyset.descending("id", UUID.class));
    private static final Keyset AS_PAID = Keyset.of(Keyset.ascending("paidOn", LocalDate.class),
            Keyset.ascending("registeredAt", Instant.class), Keyset.ascending("id", UUID.class));

    private final Caller caller;
    private final Payments payments;
    private final CreditNotes creditNotes;
    private final WriteOffs writeOffs;
    private final DocumentMails mails;

    public InvoiceResource(Caller caller, Payments payments, CreditNotes creditNotes, WriteOffs writeOffs,
                           DocumentMails mails) {
        this.caller = caller;
        this.payments = payments;
        this.creditNotes = creditNotes;
        this.writeOffs = writeOffs;
        this.mails = mails;
    }

    @GET
    @Path("/invoices")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    @Operation(summary = "List documents",
            description = "The invoices, credit notes and statements the caller may see, newest period first, a page at"
                    + " a time. Filters only narrow what the caller may see: filtering on another operator, or on a"
                    + " driver the caller may not see, answers 404." + SCOPE)
    @APIResponse(responseCode = "200", description = "A page of document summaries")
    @APIResponse(responseCode = "404", description = "The operator or driver filtered on is not the caller's to see")
    public Page<InvoiceSummary> list(
            @Parameter(description = "Only this operator's documents", example = "8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f")
            @QueryParam("operatorId") UUID operatorId,
            @Parameter(description = "Only this driver's documents", example = "2f4e6d8c-0b1a-4938-8776-655443322110")
            @QueryParam("driverId") UUID driverId,
            @BeanParam DocumentFilters filters,
            @BeanParam PageRequest page) {
        return find(filters.within(caller.listScope(operatorId, driverId, Driver::operatorOf)), page);
    }

    @GET
    @Path("/me/invoices")
    @RolesAllowed(Roles.DRIVER)
    @Transactional
    @Operation(summary = "List my documents",
            description = "The calling driver's own invoices, credit notes and statements, newest period first, a page"
                    + " at a time.")
    @APIResponse(responseCode = "200", description = "A page of document summaries")
    public Page<InvoiceSummary> mine(
            @BeanParam DocumentFilters filters,
            @BeanParam PageRequest page) {
        return find(filters.within(caller.listScope(null, null, Driver::operatorOf)), page);
    }

    @GET
    @Path("/invoices/{invoiceId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    @Operation(summary = "Read a document",
            description = "The whole document: its lines, amounts per VAT rate, supplier and customer (as issued; from"
                    + " the registry while it is open, null while unknown), payments, credit notes and reminders." + SCOPE)
    @APIResponse(responseCode = "200", description = "The document")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public InvoiceView get(@Parameter(description = "The document's id", example = A_DOCUMENT)
                           @PathParam("invoiceId") UUID invoiceId) {
        return view(visible(invoiceId));
    }

    @GET
    @Path("/invoices/{invoiceId}/pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    @Operation(summary = "Download a document as PDF",
            description = "The issued document as the driver receives it, named after its number." + SCOPE)
    @APIResponse(responseCode = "200", description = "The PDF, named after the document number",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = STILL_OPEN)
    public Response pdf(@Parameter(description = "The document's id", example = A_DOCUMENT)
                        @PathParam("invoiceId") UUID invoiceId) {
        return document(invoiceId, InvoicePdf::render, "application/pdf", "pdf");
    }

    @GET
    @Path("/invoices/{invoiceId}/ubl")
    @Produces("application/xml")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    @Operation(summary = "Download an invoice or credit note as UBL",
            description = "UBL 2.1 in Peppol BIS Billing 3.0 form, for a business customer's bookkeeping." + SCOPE)
    @APIResponse(responseCode = "200", description = "The UBL XML, named after the document number",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = STILL_OPEN)
    @APIResponse(responseCode = "422", description = "A statement is not an invoice and has no UBL form")
    public Response ubl(@Parameter(description = "The document's id", example = A_DOCUMENT)
                        @PathParam("invoiceId") UUID invoiceId) {
        return document(invoiceId, UblDocument::write, "application/xml", "xml");
    }

    @GET
    @Path("/invoices/{invoiceId}/csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    @Operation(summary = "Download a document's lines as CSV",
            description = "One row per line: session, local times, site, charger, kWh, tariff, net, VAT rate, gross and"
                    + " note; text a spreadsheet would run as a formula is defused. The header row is in the reader's"
                    + " language (a driver's is the document's, an admin's the operator's) unless lang asks for another."
                    + SCOPE)
    @APIResponse(responseCode = "200", description = "The CSV, named after the document number",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = STILL_OPEN)
    @APIResponse(responseCode = "400", description = "lang is not one of nl, fr, en, de")
    public Response csv(@Parameter(description = "The document's id", example = A_DOCUMENT)
                        @PathParam("invoiceId") UUID invoiceId,
                        @Parameter(description = ReaderLanguage.DESCRIPTION, example = "fr")
                        @QueryParam(ReaderLanguage.PARAMETER) String lang) {
        Optional<DocumentLanguage> asked = ReaderLanguage.asked(lang);
        return document(invoiceId, content -> InvoiceCsv.lines(content, asked.orElseGet(() -> caller.isDriver()
                ? content.language() : ReaderLanguage.ofOperator(null, content.document().operatorId))), "text/csv", "csv");
    }

    @GET
    @Path("/invoices/{invoiceId}/payments")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Transactional
    @Operation(summary = "List the payments of an invoice",
            description = "Money booked on the invoice (by hand, from bank statements, by direct debit), in the order it"
                    + " came in, a page at a time." + SCOPE)
    @APIResponse(responseCode = "200", description = "A page of payments")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public Page<PaymentView> payments(
            @Parameter(description = "The invoice's id", example = A_DOCUMENT)
            @PathParam("invoiceId") UUID invoiceId,
            @BeanParam PageRequest page) {
        Invoice invoice = visible(invoiceId);
        return KeysetQuery.page(Payment.class, AS_PAID, "invoiceId = :invoiceId", Map.of("invoiceId", invoice.id), page,
                p -> List.of(p.paidOn, p.registeredAt, p.id)).map(PaymentView::of);
    }

    @POST
    @Path("/invoices/{invoiceId}/payments")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Book a payment",
            description = "Books money an admin received outside the bank statement import, as a transfer. It may not"
                    + " exceed what is outstanding, paidOn may not be after the operator's today, and the invoice must"
                    + " be issued and waiting for money (a written-off one still takes it). The payment that clears the"
                    + " invoice settles it (PAID) and announces InvoicePaid. For admins of the invoice's operator; any"
                    + " other invoice answers 404.")
    @APIResponse(responseCode = "201", description = "The payment, booked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "404", description = NOT_MANAGED)
    @APIResponse(responseCode = "422", description = "The payment would exceed what is outstanding, or the invoice"
            + " takes no payment")
    public RestResponse<PaymentView> pay(
            @Parameter(description = "The invoice's id", example = A_DOCUMENT)
            @PathParam("invoiceId") UUID invoiceId,
            @Valid @NotNull PaymentForm form) {
        Payment payment = payments.register(administered(invoiceId), form.amount(), form.paidOn(), form.reference());
        return RestResponse.status(RestResponse.Status.CREATED, PaymentView.of(payment));
    }

    @POST
    @Path("/invoices/{invoiceId}/credit-notes")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Grant credit",
            description = "Issues a credit note, numbered in the invoice series, for the named sessions of an issued"
                    + " invoice, or for every session not credited yet when sessionIds is left out. Each session is"
                    + " credited once; the credit note that cancels the last lines takes exactly what is left, and one"
                    + " that clears what is outstanding settles the invoice. Announces CreditNoteIssued. For admins of"
                    + " the invoice's operator; any other invoice answers 404.")
    @APIResponse(responseCode = "201", description = "The credit note",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvoiceView.class)))
    @APIResponse(responseCode = "404", description = NOT_MANAGED)
    @APIResponse(responseCode = "422", description = "Not an issued invoice, or every session is credited already")
    public RestResponse<InvoiceView> credit(
            @Parameter(description = "The invoice's id", example = A_DOCUMENT)
            @PathParam("invoiceId") UUID invoiceId,
            @Valid @NotNull CreditNoteForm form) {
        Invoice creditNote = creditNotes.grant(administered(invoiceId), form.sessionIds(), form.reason());
        return RestResponse.status(RestResponse.Status.CREATED, InvoiceView.of(creditNote, null, null, List.of(),
                List.of(), List.of(), DocumentMail.of(creditNote.id)));
    }

    @POST
    @Path("/invoices/{invoiceId}/write-off")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Write an invoice off",
            description = "Stops collecting an invoice that waits for money: it becomes WRITTEN_OFF on the operator's"
                    + " today, owes nothing any more and is not chased; money that still comes in is booked and pays it."
                    + " For admins of the invoice's operator; any other invoice answers 404.")
    @APIResponse(responseCode = "200", description = "The invoice, WRITTEN_OFF")
    @APIResponse(responseCode = "404", description = NOT_MANAGED)
    @APIResponse(responseCode = "422", description = "The invoice does not wait for money")
    public InvoiceView writeOff(
            @Parameter(description = "The invoice's id", example = A_DOCUMENT)
            @PathParam("invoiceId") UUID invoiceId,
            @Valid @NotNull WriteOffForm form) {
        Invoice invoice = administered(invoiceId);
        writeOffs.writeOff(invoice, form.reason());
        return view(invoice);
    }

    @POST
    @Path("/invoices/{invoiceId}/mail")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Mail a document again",
            description = "Sends the document's last e-mail (its issue, or the latest reminder step) to the driver again:"
                    + " a new send of that step, recorded beside the earlier ones with its own Message-ID, queued and"
                    + " sent by the mail worker like any other (SKIPPED when the operator turned e-mail off or the"
                    + " driver has no address). For admins of the document's operator; any other document answers 404.")
    @APIResponse(responseCode = "202", description = "The new send, queued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MailView.class)))
    @APIResponse(responseCode = "404", description = NOT_MANAGED)
    @APIResponse(responseCode = "409", description = "The document has not been mailed yet: it is mailed once it is issued")
    public RestResponse<MailView> resendMail(
            @Parameter(description = "The document's id", example = A_DOCUMENT)
            @PathParam("invoiceId") UUID invoiceId) {
        return RestResponse.status(RestResponse.Status.ACCEPTED,
                MailView.of(mails.resend(administered(invoiceId), caller.name())));
    }

    private Invoice visible(UUID invoiceId) {
        return Invoice.<Invoice>findByIdOptional(invoiceId)
                .filter(i -> caller.maySeeDriver(i.operatorId, i.driverId))
                .orElseThrow(() -> DomainException.notFound("Invoice", invoiceId));
    }

    /** The invoice, locked for change, when the caller administers its operator. */
    private Invoice administered(UUID invoiceId) {
        return Invoice.<Invoice>findByIdOptional(invoiceId)
                .filter(i -> caller.administers(i.operatorId))
                .flatMap(i -> Invoice.lock(i.id))
                .orElseThrow(() -> DomainException.notFound("Invoice", invoiceId));
    }

    /** The issued document the caller may see, rendered in one of its forms and named after its number. */
    private Response document(UUID invoiceId, Function<DocumentContent, Object> render, String type, String extension) {
        DocumentContent content = DocumentContent.of(visible(invoiceId));
        return download(render.apply(content), type, content.fileName(extension));
    }

    private static InvoiceView view(Invoice invoice) {
        return InvoiceView.of(invoice, Operator.findById(invoice.operatorId), Driver.findById(invoice.driverId),
                Payment.of(invoice.id), CreditNotes.of(invoice.id), Reminder.of(invoice.id), DocumentMail.of(invoice.id));
    }

    private static Page<InvoiceSummary> find(InvoiceSearch search, PageRequest page) {
        return KeysetQuery.page(Invoice.class, NEWEST_PERIOD_FIRST, search.where(), search.parameters(), page,
                i -> List.of(i.periodStart, i.createdAt, i.id)).map(InvoiceSummary::of);
    }

    static Response download(Object body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
