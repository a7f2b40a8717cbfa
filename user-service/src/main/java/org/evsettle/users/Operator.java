package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.events.registry.DunningPolicy;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.InvoiceMail;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A tenant: a housing corporation, homeowners' association or company that bills its drivers. */
@Entity
@Table(name = "operator")
public class Operator extends PanacheEntityBase implements RegistryEntity {

    private static final Keyset LISTED = Keyset.of(Keyset.ascending("legalName", String.class),
            Keyset.ascending("id", UUID.class));

    @Id
    public UUID id;
    @Version
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
    @Column(name = "accepts_unknown_chargers")
    public boolean acceptsUnknownChargers;
    @Column(name = "charger_enrollment_key_hash")
    public String chargerEnrollmentKeyHash;
    @Column(name = "charger_enrollment_key_created_at")
    public Instant chargerEnrollmentKeyCreatedAt;
    @Column(name = "dunning_block_cards")
    public boolean dunningBlockCards;
    @Column(name = "dunning_block_after_days_overdue")
    public int dunningBlockAfterDaysOverdue;
    @Column(name = "issues_statements")
    public boolean issuesStatements;
    /** ISO 639-1 code of the language of its drivers' documents; null: its country's ({@link #documentLanguage()}). */
    public String language;
    /** Whether documents are e-mailed to drivers (off when, for example, a payment provider sends its own). */
    @Column(name = "invoice_mail_enabled")
    public boolean invoiceMailEnabled = true;
    /** The operator's administration's address that receives a blind copy of every document mailed, or null. */
    @Column(name = "invoice_mail_bcc")
    public String invoiceMailBcc;
    /** Seconds between meter values of its chargers during a transaction (configured at their boot). */
    @Column(name = "meter_value_sample_interval")
    public int meterValueSampleInterval = ChargerSettings.DEFAULT.meterValueSampleInterval();
    /** Whether its chargers send an Authorize before a remote start (OCPP AuthorizeRemoteTxRequests). */
    @Column(name = "authorize_remote_tx_requests")
    public boolean authorizeRemoteTxRequests = ChargerSettings.DEFAULT.authorizeRemoteTxRequests();
    /** Whether its chargers may start at once for a card in their local list or cache (OCPP LocalPreAuthorize). */
    @Column(name = "local_pre_authorize")
    public boolean localPreAuthorize = ChargerSettings.DEFAULT.localPreAuthorize();
    /** Whether its chargers that offer OCPP 2.0.1 speak it (else 1.6). */
    @Column(name = "ocpp201_allowed")
    public boolean ocpp201Allowed = ChargerSettings.DEFAULT.ocpp201Allowed();
    /** The types this operator defined; {@link #userTypes()} adds the standard ones. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "operator_user_type", joinColumns = @JoinColumn(name = "operator_id"))
    @Column(name = "user_type")
    public Set<String> ownUserTypes = new HashSet<>();
    /** The operators at whose chargers this operator's cards are also valid, if they accept them too. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT) // beside the user types: a join would multiply the rows
    @CollectionTable(name = "operator_cards_valid_at", joinColumns = @JoinColumn(name = "operator_id"))
    @Column(name = "partner_operator_id")
    public Set<UUID> cardsValidAt = new HashSet<>();
    /** The operators whose cards this operator's chargers accept, if they let them be used here too. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "operator_accepts_cards_of", joinColumns = @JoinColumn(name = "operator_id"))
    @Column(name = "partner_operator_id")
    public Set<UUID> acceptsCardsOf = new HashSet<>();
    /** The chargePointIds this operator expects to enroll ({@link ChargerAnnouncements}); no other operator's key enrolls them. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "operator_announced_charger", joinColumns = @JoinColumn(name = "operator_id"))
    @Column(name = "charge_point_id")
    public Set<String> announcedChargePointIds = new HashSet<>();
    /** The user types whose drivers may be billed to an employer ({@link Employers}); a new operator's: EMPLOYEE. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "operator_employer_billed_user_type", joinColumns = @JoinColumn(name = "operator_id"))
    @Column(name = "user_type")
    public Set<String> employerBilledUserTypes = new HashSet<>(OperatorRecord.DEFAULT_EMPLOYER_BILLED_USER_TYPES);
    /** Its enrollment key enrolls only the announced chargePointIds. */
    @Column(name = "enrolls_announced_only")
    public boolean enrollsAnnouncedOnly;

    public static Optional<Operator> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** A page of operators by legal name, then id: all of them, or only the one named (an operator admin's own). */
    public static Page<Operator> page(UUID only, PageRequest request) {
        return RegistryList.of(Operator.class, LISTED, o -> List.of(o.legalName, o.id)).where("id", only).page(request);
    }

    public UserTypes userTypes() {
        return UserTypes.withOwn(ownUserTypes);
    }

    /** The user types billed to an employer, in the order of {@link #userTypes()}. */
    public List<String> employerBilledUserTypes() {
        return userTypes().all().stream().filter(employerBilledUserTypes::contains).toList();
    }

    public DunningPolicy dunning() {
        return new DunningPolicy(dunningBlockCards, dunningBlockAfterDaysOverdue);
    }

    /** The language its drivers' documents are written in unless a driver chose one: its own, else its country's. */
    public DocumentLanguage documentLanguage() {
        return DocumentLanguage.of(language)
                .orElseGet(() -> DocumentLanguage.defaultFor(address == null ? null : address.countryCode));
    }

    public InvoiceMail invoiceMail() {
        return new InvoiceMail(invoiceMailEnabled, invoiceMailBcc);
    }

    public ChargerSettings chargerSettings() {
        return new ChargerSettings(meterValueSampleInterval, authorizeRemoteTxRequests, localPreAuthorize, ocpp201Allowed);
    }

    public ZoneId zone() {
        return OperatorZone.of(timeZone);
    }

    /** The operator's calendar date at that instant. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone());
    }

    /**
     * Accepts unknown chargers as pending from now on, with a new enrollment key; returns the key,
     * which is shown to the admin once and stored only as its hash.
     */
    public String issueEnrollmentKey(Instant now) {
        String key = EnrollmentKey.generate();
        acceptsUnknownChargers = true;
        chargerEnrollmentKeyHash = EnrollmentKey.hash(key);
        chargerEnrollmentKeyCreatedAt = now;
        return key;
    }

    /** Refuses unknown chargers from now on; the key stops working. */
    public void refuseUnknownChargers() {
        acceptsUnknownChargers = false;
        chargerEnrollmentKeyHash = null;
        chargerEnrollmentKeyCreatedAt = null;
    }

    @Override
    public OperatorRecord toRecord() {
        return new OperatorRecord(id, revision, legalName, address.toAddress(), vatNumber, chamberOfCommerceNumber,
                iban, bic, contactEmail, timeZone, currency, billingInterval, graceDays, paymentTermDays,
                invoiceNumberPrefix, acceptsUnknownChargers, userTypes().all(), dunning(), chargerEnrollmentKeyHash,
                issuesStatements, sorted(cardsValidAt), sorted(acceptsCardsOf), language, invoiceMail(),
                announcedChargePointIds.stream().sorted().toList(), enrollsAnnouncedOnly, chargerSettings(),
                employerBilledUserTypes());
    }

    /** Partner operators in a fixed order, so that the same choice publishes the same record. */
    public static List<UUID> sorted(Set<UUID> operatorIds) {
        return operatorIds.stream().sorted().toList();
    }
}
