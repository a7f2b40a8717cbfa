package org.evsettle.invoices;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.outbox.consumer.MalformedRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/**
 * The invoice service's copy of a registry operator: the supplier on its drivers' invoices, whose time
 * zone and billing interval decide which period a session is billed in, and whose grace days, payment
 * term and dunning policy decide when invoices are issued, due and chased.
 */
@Entity
@Table(name = "operator")
public class Operator extends RegistryCopy<OperatorRecord> {

    /** Used when the operator has not chosen a prefix for its invoice numbers. */
    public static final String DEFAULT_PREFIX = "INV";

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
    /** The operator's document language (ISO 639-1), null for its country's. */
    public String language;
    @Column(name = "invoice_mail_enabled")
    public boolean invoiceMailEnabled = true;
    @Column(name = "invoice_mail_bcc")
    public String invoiceMailBcc;

    /** The operator if the registry has told about it. */
    public static Optional<Operator> known(UUID id) {
        return findByIdOptional(id);
    }

    /** The time zone of the operator's dates; the default zone while the registry has not told about it. */
    public static ZoneId zoneOf(UUID operatorId) {
        return known(operatorId).map(Operator::zone).orElse(OperatorZone.DEFAULT);
    }

    @Override
    protected void copy(OperatorRecord record) {
        legalName = record.legalName();
        address = PostalAddress.of(record.address());
        vatNumber = record.vatNumber();
        chamberOfCommerceNumber = record.chamberOfCommerceNumber();
        iban = record.iban();
        bic = record.bic();
        contactEmail = record.contactEmail();
        // stored with the defaults applied, so every reader of the copy sees the same zone and currency
        timeZone = OperatorZone.of(record.timeZone()).getId();
        currency = record.currency() == null || record.currency().isBlank() ? OperatorRecord.DEFAULT_CURRENCY
                : record.currency();
        billingInterval = intervalOf(record);
        graceDays = Math.max(0, record.graceDays());
        paymentTermDays = Math.max(0, record.paymentTermDays());
        invoiceNumberPrefix = record.invoiceNumberPrefix();
        issuesStatements = record.issuesStatements();
        dunningBlocksCards = record.dunning() != null && record.dunning().blockCards();
        dunningBlockAfterDays = record.dunning() == null ? null : record.dunning().blockAfterDaysOverdue();
        language = record.language();
        invoiceMailEnabled = record.invoiceMail().enabled();
        invoiceMailBcc = record.invoiceMail().bcc();
    }

    /** The language of the documents of a driver of this operator who chose none. */
    public DocumentLanguage documentLanguage() {
        return DocumentLanguage.resolve(null, language, address == null ? null : address.countryCode);
    }

    public ZoneId zone() {
        return OperatorZone.of(timeZone);
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

    /** The operator's calendar date now. */
    public LocalDate today(Clock clock) {
        return OperatorZone.today(zone(), clock);
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

    /** A billing interval this service cannot bill by is not guessed at: the record is quarantined. */
    private static String intervalOf(OperatorRecord record) {
        String interval = record.billingInterval();
        if (interval == null || Arrays.stream(BillingPeriod.Interval.values()).noneMatch(i -> i.name().equals(interval))) {
            throw new MalformedRecord("Operator " + record.id() + " has billing interval " + interval + ", not one of "
                    + Arrays.toString(BillingPeriod.Interval.values()));
        }
        return interval;
    }
}
