package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.evsettle.events.registry.OperatorRecord;

/**
 * The invoice service's copy of a registry operator: the supplier on its drivers' invoices, whose time
 * zone and billing interval decide which period a session is billed in.
 */
@Entity
@Table(name = "operator")
public class Operator extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The registry's revision of this state, not a local version. */
    public long revision;
    @Column(name = "legal_name")
    public String legalName;
    @Embedded
    public PostalAddress address;
    @Column(name = "vat_number")
    public String vatNumber;
    @Column(name = "chamber_of_commerce_number")
    public String chamberOfCommerceNumber;
    public String iban;
    @Column(name = "time_zone")
    public String timeZone;
    public String currency;
    @Column(name = "billing_interval")
    public String billingInterval;
    @Column(name = "payment_term_days")
    public int paymentTermDays;
    @Column(name = "invoice_number_prefix")
    public String invoiceNumberPrefix;

    /** Takes over the record's state. */
    public void copy(OperatorRecord record) {
        id = record.id();
        revision = record.revision();
        legalName = record.legalName();
        address = PostalAddress.of(record.address());
        vatNumber = record.vatNumber();
        chamberOfCommerceNumber = record.chamberOfCommerceNumber();
        iban = record.iban();
        timeZone = record.timeZone();
        currency = record.currency();
        billingInterval = record.billingInterval();
        paymentTermDays = record.paymentTermDays();
        invoiceNumberPrefix = record.invoiceNumberPrefix();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The billing period that holds the instant, in this operator's zone and interval. */
    public BillingPeriod periodContaining(Instant instant) {
        return BillingPeriod.containing(instant, zone(), BillingPeriod.Interval.valueOf(billingInterval));
    }
}
