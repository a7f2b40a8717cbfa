package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.evsettle.events.registry.OperatorRecord;

/**
 * The invoice service's copy of a registry operator: the supplier on its drivers' invoices, whose time
 * zone and billing interval decide which period a session is billed in, and whose grace days, payment
 * term and dunning policy decide when invoices are issued, due and chased.
 */
@Entity
@Table(name = "operator")
public class Operator extends PanacheEntityBase {

    /** Used when the operator has not chosen a prefix for its invoice numbers. */
    public static final String DEFAULT_PREFIX = "INV";

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
    public String bic;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "time_zone")
    public String timeZone;
    public String currency;
    @Column(name = "billing_interval")
    public String billingInterval;
    @Column(name = "grace_days")
    public int graceDays;
    @Column(name = "payment_term_days")
    public int paymentTermDays;
    @Column(name = "invoice_number_prefix")
    public String invoiceNumberPrefix;
    @Column(name = "issues_statements")
    public boolean issuesStatements;
    @Column(name = "dunning_blocks_cards")
    public boolean dunningBlocksCards;
    @Column(name = "dunning_block_after_days")
    public Integer dunningBlockAfterDays;

    /** Takes over the record's state. */
    public void copy(OperatorRecord record) {
        id = record.id();
        revision = record.revision();
        legalName = record.legalName();
        address = PostalAddress.of(record.address());
        vatNumber = record.vatNumber();
        chamberOfCommerceNumber = record.chamberOfCommerceNumber();
        iban = record.iban();
        bic = record.bic();
        contactEmail = record.contactEmail();
        timeZone = record.timeZone();
        currency = record.currency();
        billingInterval = record.billingInterval();
        graceDays = Math.max(0, record.graceDays());
        paymentTermDays = Math.max(0, record.paymentTermDays());
        invoiceNumberPrefix = record.invoiceNumberPrefix();
        issuesStatements = record.issuesStatements();
        dunningBlocksCards = record.dunning() != null && record.dunning().blockCards();
        dunningBlockAfterDays = record.dunning() == null ? null : record.dunning().blockAfterDaysOverdue();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public BillingPeriod.Interval interval() {
        return BillingPeriod.Interval.valueOf(billingInterval);
    }

    /** The billing period that holds the instant, in this operator's zone and interval. */
    public BillingPeriod periodContaining(Instant instant) {
        return BillingPeriod.containing(instant, zone(), interval());
    }

    public BillingPeriod periodContaining(LocalDate day) {
        return BillingPeriod.containing(day, interval());
    }

    /** The operator's calendar date at this instant. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone());
    }

    /**
     * The latest period that may be billed on this date: it has ended and its grace days have passed
     * (a period ending 31 March with 5 grace days is billed from 6 April).
     */
    public BillingPeriod latestBillablePeriod(LocalDate today) {
        BillingPeriod inGrace = periodContaining(today.minusDays(graceDays));
        return periodContaining(inGrace.start().minusDays(1));
    }

    /** The first day on which the period may be billed. */
    public LocalDate billableFrom(BillingPeriod period) {
        return period.end().plusDays(graceDays + 1L);
    }

    public String numberPrefix() {
        return invoiceNumberPrefix == null || invoiceNumberPrefix.isBlank() ? DEFAULT_PREFIX : invoiceNumberPrefix.trim();
    }
}
