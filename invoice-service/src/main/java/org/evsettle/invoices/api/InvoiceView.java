package org.evsettle.invoices.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.invoices.CustomerDetails;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.Driver;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceLine;
import org.evsettle.invoices.InvoiceStatus;
import org.evsettle.invoices.Operator;
import org.evsettle.invoices.Payment;
import org.evsettle.invoices.PaymentMethod;
import org.evsettle.invoices.PostalAddress;
import org.evsettle.invoices.PriceComponent;
import org.evsettle.invoices.Reminder;
import org.evsettle.invoices.ReminderStep;
import org.evsettle.invoices.SupplierDetails;
import org.evsettle.invoices.VatSubtotal;
import org.evsettle.invoices.mail.DocumentMail;

/**
 * A whole document as the API shows it: the summary, supplier and customer (as issued, or as the
 * registry has them while the invoice is open; null while unknown), the amounts per VAT rate, the lines
 * in the order the sessions started, and what happened since: payments, credit notes, reminders and the
 * e-mails sent about it.
 */
public record InvoiceView(UUID id, DocumentKind kind, UUID operatorId, UUID driverId, InvoiceStatus status,
                          String number, LocalDate periodStart, LocalDate periodEnd, LocalDate issueDate,
                          LocalDate dueDate, String currency, int lineCount, BigDecimal netAmount, BigDecimal vatAmount,
                          BigDecimal grossAmount, BigDecimal paidAmount, BigDecimal creditedAmount,
                          BigDecimal outstandingAmount, String paymentReference, PaymentMethod paymentMethod,
                          LocalDate settledOn, UUID creditsInvoiceId, String creditsInvoiceNumber, String reason,
                          Supplier supplier, Customer customer, List<VatShare> vatBreakdown, List<Line> lines,
                          List<PaymentView> payments, List<CreditNoteRef> creditNotes, List<ReminderView> reminders,
                          List<MailView> mail) {

    /** The operator who bills. */
    public record Supplier(String legalName, Address address, String vatNumber, String chamberOfCommerceNumber,
                           String iban, String bic, String email) {
        static Supplier of(Operator o) {
            return of(SupplierDetails.of(o));
        }

        static Supplier of(SupplierDetails s) {
            return new Supplier(s.legalName(), s.address(), s.vatNumber(), s.chamberOfCommerceNumber(), s.iban(), s.bic(),
                    s.email());
        }
    }

    /** The driver who is billed; company fields for business customers. */
    public record Customer(String name, Address address, String email, String companyName, String companyVatNumber,
                           String mandateId) {
        static Customer of(Driver d) {
            return new Customer(d.name, d.address == null ? null : d.address.toAddress(), d.email, d.companyName,
                    d.companyVatNumber, d.mandate().map(m -> m.mandateId()).orElse(null));
        }

        static Customer of(CustomerDetails c) {
            return new Customer(c.name(), c.address(), c.email(), c.companyName(), c.companyVatNumber(), c.mandateId());
        }
    }

    /** Net and VAT of one rate (a fraction, 0.21 for 21%). */
    public record VatShare(BigDecimal rate, BigDecimal netAmount, BigDecimal vatAmount) {
        static VatShare of(VatSubtotal v) {
            return new VatShare(v.rate, v.netAmount, v.vatAmount);
        }
    }

    /** One charging session: charged, or credited on a credit note. */
    public record Line(InvoiceLine.Kind kind, UUID sessionId, int priceRevision, boolean credited, String chargePointId,
                       UUID siteId, String siteName, Instant startedAt, Instant stoppedAt, long energyWh,
                       BigDecimal energyKwh, String description, String note, BigDecimal netAmount, BigDecimal vatRate,
                       BigDecimal grossAmount, List<Component> components, UUID employeeId, String employeeName) {
        static Line of(InvoiceLine l) {
            return new Line(l.kind, l.sessionId, l.priceRevision, l.credited, l.chargePointId, l.siteId, l.siteName,
                    l.startedAt, l.stoppedAt, l.energyWh, l.energyKwh(), l.description, l.note, l.netAmount, l.vatRate,
                    l.grossAmount, l.components.stream().map(Component::of).toList(), l.employeeId, l.employeeName);
        }
    }

    /** One tariff component of a line's price. */
    public record Component(String component, String description, BigDecimal quantity, String unit,
                            BigDecimal unitPrice, BigDecimal amount) {
        static Component of(PriceComponent c) {
            return new Component(c.component, c.description, c.quantity, c.unit, c.unitPrice, c.amount);
        }
    }

    /** A credit note issued against this invoice. */
    public record CreditNoteRef(UUID id, String number, LocalDate issueDate, BigDecimal grossAmount, String reason) {
        static CreditNoteRef of(Invoice c) {
            return new CreditNoteRef(c.id, c.number, c.issueDate, c.grossAmount, c.reason);
        }
    }

    /** A reminder step the invoice went through. */
    public record ReminderView(ReminderStep step, int daysOverdue, LocalDate sentOn, BigDecimal outstandingAmount) {
        static ReminderView of(Reminder r) {
            return new ReminderView(r.step, r.daysOverdue, r.sentOn, r.outstandingAmount);
        }
    }

    // an embedded address whose columns are all empty is loaded as null
    static Address shown(PostalAddress stored) {
        return stored == null ? null : stored.toAddress();
    }

    static InvoiceView of(Invoice i, Operator operator, Driver driver, List<Payment> payments, List<Invoice> creditNotes,
                          List<Reminder> reminders, List<DocumentMail> mail) {
        Supplier supplier = i.supplier != null ? Supplier.of(i.supplier) : operator == null ? null : Supplier.of(operator);
        Customer customer = i.customer != null ? Customer.of(i.customer) : driver == null ? null : Customer.of(driver);
        return new InvoiceView(i.id, i.kind, i.operatorId, i.driverId, i.status, i.number, i.periodStart, i.periodEnd,
                i.issueDate, i.dueDate, i.currency, i.lineCount, i.netAmount, i.vatAmount, i.grossAmount, i.paidAmount,
                i.creditedAmount, i.outstanding(), i.paymentReference, i.paymentMethod, i.settledOn, i.creditsInvoiceId,
                i.creditsInvoiceNumber, i.reason, supplier, customer, i.vatBreakdown.stream().map(VatShare::of).toList(),
                i.lines.stream().map(Line::of).toList(), payments.stream().map(PaymentView::of).toList(),
                creditNotes.stream().map(CreditNoteRef::of).toList(), reminders.stream().map(ReminderView::of).toList(),
                mail.stream().map(MailView::of).toList());
    }
}
