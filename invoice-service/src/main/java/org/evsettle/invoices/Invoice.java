package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.invoices.InvoiceIssued;
import org.evsettle.events.invoices.InvoiceUpdated;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A billing document of one driver for one billing period: the aggregate. An invoice gathers the
 * period's priced sessions as lines while OPEN, keeps its totals by the rule of {@link InvoiceTotals},
 * and never changes its lines or amounts once issued: after that only what was paid, credited and
 * reminded moves. Credit notes and statements are documents of the same shape. revision rises with
 * every change (and guards against two writers changing it at once).
 */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    @Id
    public UUID id;
    @Version
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Enumerated(EnumType.STRING)
    public DocumentKind kind;
    @Enumerated(EnumType.STRING)
    public InvoiceStatus status;
    public String number;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    public String currency;
    @Column(name = "line_count")
    public int lineCount;
    @Column(name = "net_amount")
    public BigDecimal netAmount;
    @Column(name = "vat_amount")
    public BigDecimal vatAmount;
    @Column(name = "gross_amount")
    public BigDecimal grossAmount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "payment_reference")
    public String paymentReference;
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    public PaymentMethod paymentMethod;
    @Column(name = "paid_amount")
    public BigDecimal paidAmount;
    @Column(name = "credited_amount")
    public BigDecimal creditedAmount;
    /** The day the invoice stopped waiting for money: paid in full, credited or written off. */
    @Column(name = "settled_on")
    public LocalDate settledOn;
    @Column(name = "credits_invoice_id")
    public UUID creditsInvoiceId;
    @Column(name = "credits_invoice_number")
    public String creditsInvoiceNumber;
    /** Why a credit note was issued or an invoice written off. */
    public String reason;
    // records never change: compared with equals, not by writing them out as JSON on every flush
    @Convert(converter = PartyJson.Supplier.class)
    @Mutability(Immutability.class)
    public SupplierDetails supplier;
    @Convert(converter = PartyJson.Customer.class)
    @Mutability(Immutability.class)
    public CustomerDetails customer;
    @Column(name = "billing_run_id")
    public UUID billingRunId;
    /** The most days overdue that an InvoiceOverdue has announced so far. */
    @Column(name = "overdue_notified_days")
    public int overdueNotifiedDays;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("startedAt, sessionId, priceRevision")
    public List<InvoiceLine> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "invoice_vat_subtotal", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderColumn(name = "position")
    public List<VatSubtotal> vatBreakdown = new ArrayList<>();

    /** A new, empty OPEN invoice; the caller persists it. */
    public static Invoice open(UUID operatorId, UUID driverId, BillingPeriod period, String currency, Instant now) {
        return open(DocumentKind.INVOICE, operatorId, driverId, period, currency, now);
    }

    /** A new, empty OPEN document of this kind (an INVOICE, or a REIMBURSEMENT statement); the caller persists it. */
    public static Invoice open(DocumentKind kind, UUID operatorId, UUID driverId, BillingPeriod period, String currency,
                               Instant now) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.kind = kind;
        invoice.operatorId = operatorId;
        invoice.driverId = driverId;
        invoice.status = InvoiceStatus.OPEN;
        invoice.periodStart = period.start();
        invoice.periodEnd = period.end();
        invoice.currency = currency;
        // stored to the microsecond: a list's cursor carries it and must find it again
        invoice.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        invoice.paidAmount = InvoiceTotals.ZERO;
        invoice.creditedAmount = InvoiceTotals.ZERO;
        invoice.recompute();
        return invoice;
    }

    /** The OPEN invoice of this driver for this period and currency, if there is one, locked for change. */
    public static Optional<Invoice> findOpen(UUID operatorId, UUID driverId, BillingPeriod period, String currency) {
        return findOpen(DocumentKind.INVOICE, operatorId, driverId, period, currency);
    }

    /** The OPEN document of this kind of this driver for this period and currency, if any, locked for change. */
    public static Optional<Invoice> findOpen(DocumentKind kind, UUID operatorId, UUID driverId, BillingPeriod period,
                                             String currency) {
        return find("operatorId = ?1 and driverId = ?2 and periodStart = ?3 and periodEnd = ?4 and currency = ?5"
                        + " and status = ?6 and kind = ?7",
                operatorId, driverId, period.start(), period.end(), currency, InvoiceStatus.OPEN, kind)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The document locked against concurrent change (payments, credits, reminders, write-offs). */
    public static Optional<Invoice> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The operator's documents issued on these dates (both inclusive, either open-ended when null), in their order. */
    public static List<Invoice> issuedBetween(UUID operatorId, LocalDate from, LocalDate to) {
        return list("operatorId = ?1 and status <> ?2 and issueDate >= ?3 and issueDate <= ?4 order by issueDate, number",
                operatorId, InvoiceStatus.OPEN, from == null ? LocalDate.of(1970, 1, 1) : from,
                to == null ? LocalDate.of(9999, 12, 31) : to);
    }

    /** Adds a session's line and recomputes the totals; only an OPEN invoice takes lines. */
    public void add(InvoiceLine line) {
        requireOpen();
        line.invoice = this;
        lines.add(line);
        recompute();
    }

    /** Takes a line off an OPEN invoice (a newer price replaces it). */
    public void remove(InvoiceLine line) {
        requireOpen();
        lines.remove(line);
        line.invoice = null;
        recompute();
    }

    /**
     * Issues this OPEN invoice: it gets its number, dates, payment reference and the parties as they are
     * today, and from now on its lines and amounts never change.
     */
    public void issue(Issue issue) {
        requireOpen();
        number = issue.number();
        issueDate = issue.issueDate();
        dueDate = issue.dueDate();
        issuedAt = issue.issuedAt();
        paymentReference = issue.paymentReference();
        paymentMethod = issue.paymentMethod();
        supplier = issue.supplier();
        customer = issue.customer();
        billingRunId = issue.billingRunId();
        status = InvoiceStatus.ISSUED;
    }

    /**
     * Closes this OPEN invoice without a bill: nothing is owed. With a number it is the driver's
     * statement of the period; without one, the operator did not want statements.
     */
    public void closeAsStatement(String statementNumber, LocalDate on, Instant at, SupplierDetails supplierDetails,
                                 CustomerDetails customerDetails, UUID runId) {
        requireOpen();
        kind = DocumentKind.STATEMENT;
        number = statementNumber;
        issueDate = on;
        issuedAt = at;
        supplier = supplierDetails;
        customer = customerDetails;
        billingRunId = runId;
        settledOn = on;
        status = InvoiceStatus.CLOSED;
    }

    /** What the driver still owes: the total less what was credited and paid (negative: a refund is due). */
    public BigDecimal outstanding() {
        if (kind != DocumentKind.INVOICE || status == InvoiceStatus.OPEN || status == InvoiceStatus.WRITTEN_OFF) {
            return InvoiceTotals.ZERO;
        }
        return owed();
    }

    /** The total less what was credited and paid, whatever the status (a written-off invoice still owes it). */
    public BigDecimal owed() {
        return grossAmount.subtract(creditedAmount).subtract(paidAmount);
    }

    public boolean isReceivable() {
        return kind == DocumentKind.INVOICE && InvoiceStatus.RECEIVABLE.contains(status);
    }

    /** A reimbursement statement paid out to its employee (its payout batch executed): PAID on that day. */
    public void paidOut(LocalDate on) {
        if (kind != DocumentKind.REIMBURSEMENT || status != InvoiceStatus.ISSUED) {
            throw new IllegalStateException("Document " + number + " is no issued reimbursement statement");
        }
        paidAmount = grossAmount;
        settledOn = on;
        status = InvoiceStatus.PAID;
    }

    /** Books a payment; true when it settles the invoice. The caller checks it does not exceed what is owed. */
    public boolean pay(BigDecimal amount, LocalDate paidOn) {
        if (kind != DocumentKind.INVOICE || !(isReceivable() || status == InvoiceStatus.WRITTEN_OFF)) {
            throw new IllegalStateException("Invoice " + number + " is " + status + " and takes no payment");
        }
        boolean wasOwing = owed().signum() > 0;
        paidAmount = paidAmount.add(amount);
        if (status == InvoiceStatus.WRITTEN_OFF) {
            // money for a written-off invoice is welcome; it is paid once all of it came in
            if (owed().signum() > 0) {
                return false;
            }
            status = InvoiceStatus.PAID;
            settledOn = paidOn;
            return wasOwing;
        }
        return restate(paidOn, wasOwing);
    }

    /** Books a credit note against this invoice; true when it settles the invoice. */
    public boolean credit(BigDecimal creditedGross, LocalDate on) {
        boolean wasOwing = isReceivable() && outstanding().signum() > 0;
        creditedAmount = creditedAmount.add(creditedGross);
        return restate(on, wasOwing);
    }

    /** The due date has passed with money outstanding. */
    public void markOverdue() {
        if (status == InvoiceStatus.ISSUED || status == InvoiceStatus.PARTIALLY_PAID) {
            status = InvoiceStatus.OVERDUE;
        }
    }

    /** The operator gives up collecting what is outstanding; the caller checked {@link #isReceivable}. */
    public void writeOff(String why, LocalDate on) {
        if (!isReceivable()) {
            throw new IllegalStateException("Invoice " + number + " is " + status + " and cannot be written off");
        }
        status = InvoiceStatus.WRITTEN_OFF;
        reason = why;
        settledOn = on;
    }

    /** Whether every charge line of this invoice has been credited. */
    public boolean fullyCredited() {
        return lines.stream().filter(l -> l.kind == InvoiceLine.Kind.CHARGE).allMatch(l -> l.credited);
    }

    /** The document as a message names it: its number (or id while it has none), kind and status. */
    public String describe() {
        return (number == null ? "invoice " + id : number) + " (" + kind + ", " + status + ")";
    }

    public InvoiceUpdated toEvent() {
        return new InvoiceUpdated(id, revision, operatorId, driverId, status.name(), number, periodStart, periodEnd,
                currency, lineCount, netAmount, vatAmount, grossAmount);
    }

    public InvoiceIssued toIssuedEvent() {
        return new InvoiceIssued(id, operatorId, driverId, number, issueDate, dueDate, periodStart, periodEnd, currency,
                netAmount, vatAmount, grossAmount, paymentReference);
    }

    /** Sets amounts from totals computed elsewhere (a credit note that takes what remains of an invoice). */
    void setTotals(InvoiceTotals totals) {
        lineCount = lines.size();
        netAmount = totals.netAmount();
        vatAmount = totals.vatAmount();
        grossAmount = totals.grossAmount();
        vatBreakdown.clear();
        totals.byRate().stream().map(VatSubtotal::of).forEach(vatBreakdown::add);
    }

    void recompute() {
        setTotals(InvoiceTotals.of(lines.stream().map(InvoiceLine::amounts).toList()));
    }

    /** The status that follows from the amounts; true when the invoice went from owing to settled. */
    private boolean restate(LocalDate on, boolean wasOwing) {
        if (status == InvoiceStatus.WRITTEN_OFF) {
            return false;
        }
        if (outstanding().signum() <= 0) {
            status = creditedAmount.compareTo(grossAmount) >= 0 ? InvoiceStatus.CREDITED : InvoiceStatus.PAID;
            if (settledOn == null || wasOwing) {
                settledOn = on;
            }
            return wasOwing;
        }
        if (status != InvoiceStatus.OVERDUE) {
            status = paidAmount.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
        }
        return false;
    }

    private void requireOpen() {
        if (status != InvoiceStatus.OPEN) {
            throw new IllegalStateException("Invoice " + id + " is " + status + " and cannot change");
        }
    }

    /** What issuing sets on an invoice. */
    public record Issue(String number, LocalDate issueDate, LocalDate dueDate, Instant issuedAt, String paymentReference,
                        PaymentMethod paymentMethod, SupplierDetails supplier, CustomerDetails customer,
                        UUID billingRunId) {
    }
}
