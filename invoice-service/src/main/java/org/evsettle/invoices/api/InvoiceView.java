package org.evsettle.invoices.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.invoices.Driver;
import org.evsettle.invoices.Invoice;
import org.evsettle.invoices.InvoiceLine;
import org.evsettle.invoices.InvoiceStatus;
import org.evsettle.invoices.Operator;
import org.evsettle.invoices.PostalAddress;
import org.evsettle.invoices.PriceComponent;
import org.evsettle.invoices.VatSubtotal;

/**
 * A whole invoice as the API shows it: the summary, supplier and customer, the amounts per VAT rate and
 * the lines in the order the sessions started. supplier or customer is null while the registry has not
 * (or no longer) told this service about them.
 */
public record InvoiceView(UUID id, UUID operatorId, UUID driverId, InvoiceStatus status, String number,
                          LocalDate periodStart, LocalDate periodEnd, String currency, int lineCount,
                          BigDecimal netAmount, BigDecimal vatAmount, BigDecimal grossAmount,
                          Supplier supplier, Customer customer, List<VatShare> vatBreakdown, List<Line> lines) {

    /** The operator who bills. */
    public record Supplier(String legalName, Address address, String vatNumber, String chamberOfCommerceNumber,
                           String iban) {
        static Supplier of(Operator o) {
            return new Supplier(o.legalName, shown(o.address), o.vatNumber, o.chamberOfCommerceNumber, o.iban);
        }
    }

    /** The driver who is billed; company fields for business customers. */
    public record Customer(String name, Address address, String companyName, String companyVatNumber) {
        static Customer of(Driver d) {
            return new Customer(d.name, shown(d.address), d.companyName, d.companyVatNumber);
        }
    }

    /** Net and VAT of one rate (a fraction, 0.21 for 21%). */
    public record VatShare(BigDecimal rate, BigDecimal netAmount, BigDecimal vatAmount) {
        static VatShare of(VatSubtotal v) {
            return new VatShare(v.rate, v.netAmount, v.vatAmount);
        }
    }

    /** One charging session. */
    public record Line(UUID sessionId, String chargePointId, UUID siteId, Instant startedAt, Instant stoppedAt,
                       long energyWh, BigDecimal energyKwh, String description, BigDecimal netAmount,
                       BigDecimal vatRate, BigDecimal grossAmount, List<Component> components) {
        static Line of(InvoiceLine l) {
            return new Line(l.sessionId, l.chargePointId, l.siteId, l.startedAt, l.stoppedAt, l.energyWh, l.energyKwh(),
                    l.description, l.netAmount, l.vatRate, l.grossAmount,
                    l.components.stream().map(Component::of).toList());
        }
    }

    /** One tariff component of a line's price. */
    public record Component(String component, BigDecimal quantity, String unit, BigDecimal unitPrice,
                            BigDecimal amount) {
        static Component of(PriceComponent c) {
            return new Component(c.component, c.quantity, c.unit, c.unitPrice, c.amount);
        }
    }

    // an embedded address whose columns are all empty is loaded as null
    private static Address shown(PostalAddress stored) {
        return stored == null ? null : stored.toAddress();
    }

    static InvoiceView of(Invoice i, Operator supplier, Driver customer) {
        return new InvoiceView(i.id, i.operatorId, i.driverId, i.status, i.number, i.periodStart, i.periodEnd,
                i.currency, i.lineCount, i.netAmount, i.vatAmount, i.grossAmount,
                supplier == null ? null : Supplier.of(supplier), customer == null ? null : Customer.of(customer),
                i.vatBreakdown.stream().map(VatShare::of).toList(), i.lines.stream().map(Line::of).toList());
    }
}
