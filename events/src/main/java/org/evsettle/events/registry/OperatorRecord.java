package org.evsettle.events.registry;

import java.util.List;
import java.util.UUID;

/**
 * An operator (tenant): the supplier on its drivers' invoices. timeZone is an IANA zone id,
 * billingInterval one of WEEKLY, MONTHLY, QUARTERLY. userTypes are the driver types it bills by
 * (RESIDENT, EMPLOYEE, GUEST and its own); dunning says whether overdue invoices block cards;
 * chargerEnrollmentKeyHash (a SHA-256, hex, of a generated high-entropy key) is set while it accepts
 * unknown chargers as pending; issuesStatements asks for statements even when nothing is owed.
 * Without a timeZone or currency, {@link OperatorZone#DEFAULT} and {@link #DEFAULT_CURRENCY} apply.
 * <p>
 * Roaming needs both sides: a card of this operator is valid at another operator's chargers only
 * when that operator is in this one's cardsValidAt and this one is in that operator's acceptsCardsOf.
 * The session is then billed by the card's operator. Empty lists (also absent or null, as in records
 * published before roaming existed) mean own cards at own chargers only.
 * <p>
 * language is the ISO 639-1 code of the language its drivers' documents are written in unless a driver
 * chose one ({@link DocumentLanguage}; null: the language of its country); invoiceMail says whether
 * documents are e-mailed and to which blind copy (null: {@link InvoiceMail#DEFAULT}).
 * <p>
 * announcedChargePointIds are the chargePointIds (serial numbers, say) the operator expects to enroll:
 * no other operator's key enrolls them. With enrollsAnnouncedOnly its key enrolls only those. Records
 * published before announcements existed carry neither: none announced, any valid id enrolls.
 * <p>
 * chargerSettings are the meter value interval and authorization policy its chargers are configured with at
 * boot (null, as in records published before they existed: {@link ChargerSettings#DEFAULT}).
 * <p>
 * employerBilledUserTypes are the user types whose drivers may have their charging billed to an employer
 * ({@link DriverRecord#employerId()}); null, as in records published before employers existed:
 * {@link #DEFAULT_EMPLOYER_BILLED_USER_TYPES}.
 */
public record OperatorRecord(
        UUID id,
        long revision,
        String legalName,
        Address address,
        String vatNumber,
        String chamberOfCommerceNumber,
        String iban,
        String bic,
        String contactEmail,
        String timeZone,
        String currency,
        String billingInterval,
        int graceDays,
        int paymentTermDays,
        String invoiceNumberPrefix,
        boolean acceptsUnknownChargers,
        List<String> userTypes,
        DunningPolicy dunning,
        String chargerEnrollmentKeyHash,
        boolean issuesStatements,
        List<UUID> cardsValidAt,
        List<UUID> acceptsCardsOf,
        String language,
        InvoiceMail invoiceMail,
        List<String> announcedChargePointIds,
        boolean enrollsAnnouncedOnly,
        ChargerSettings chargerSettings,
        List<String> employerBilledUserTypes) implements RegistryRecord {

    /** The currency of an operator that names none, and of one the registry has not told about yet. */
    public static final String DEFAULT_CURRENCY = "EUR";

    /** The user types billed to an employer where an operator names none: its employees. */
    public static final List<String> DEFAULT_EMPLOYER_BILLED_USER_TYPES = List.of("EMPLOYEE");

    public OperatorRecord {
        employerBilledUserTypes = employerBilledUserTypes == null ? DEFAULT_EMPLOYER_BILLED_USER_TYPES
                : List.copyOf(employerBilledUserTypes);
        cardsValidAt = cardsValidAt == null ? List.of() : List.copyOf(cardsValidAt);
        acceptsCardsOf = acceptsCardsOf == null ? List.of() : List.copyOf(acceptsCardsOf);
        invoiceMail = invoiceMail == null ? InvoiceMail.DEFAULT : invoiceMail;
        announcedChargePointIds = announcedChargePointIds == null ? List.of() : List.copyOf(announcedChargePointIds);
        chargerSettings = chargerSettings == null ? ChargerSettings.DEFAULT : chargerSettings;
    }

    /** An operator billing only employees to employers (the form of the records before employers existed). */
    public OperatorRecord(UUID id, long revision, String legalName, Address address, String vatNumber,
                          String chamberOfCommerceNumber, String iban, String bic, String contactEmail,
                          String timeZone, String currency, String billingInterval, int graceDays,
                          int paymentTermDays, String invoiceNumberPrefix, boolean acceptsUnknownChargers,
                          List<String> userTypes, DunningPolicy dunning, String chargerEnrollmentKeyHash,
                          boolean issuesStatements, List<UUID> cardsValidAt, List<UUID> acceptsCardsOf,
                          String language, InvoiceMail invoiceMail, List<String> announcedChargePointIds,
                          boolean enrollsAnnouncedOnly, ChargerSettings chargerSettings) {
        this(id, revision, legalName, address, vatNumber, chamberOfCommerceNumber, iban, bic, contactEmail, timeZone,
                currency, billingInterval, graceDays, paymentTermDays, invoiceNumberPrefix, acceptsUnknownChargers,
                userTypes, dunning, chargerEnrollmentKeyHash, issuesStatements, cardsValidAt, acceptsCardsOf, language,
                invoiceMail, announcedChargePointIds, enrollsAnnouncedOnly, chargerSettings, null);
    }

    /** An operator with the default charger settings (the form of the records before they existed). */
    public OperatorRecord(UUID id, long revision, String legalName, Address address, String vatNumber,
                          String chamberOfCommerceNumber, String iban, String bic, String contactEmail,
                          String timeZone, String currency, String billingInterval, int graceDays,
                          int paymentTermDays, String invoiceNumberPrefix, boolean acceptsUnknownChargers,
                          List<String> userTypes, DunningPolicy dunning, String chargerEnrollmentKeyHash,
                          boolean issuesStatements, List<UUID> cardsValidAt, List<UUID> acceptsCardsOf,
                          String language, InvoiceMail invoiceMail, List<String> announcedChargePointIds,
                          boolean enrollsAnnouncedOnly) {
        this(id, revision, legalName, address, vatNumber, chamberOfCommerceNumber, iban, bic, contactEmail, timeZone,
                currency, billingInterval, graceDays, paymentTermDays, invoiceNumberPrefix, acceptsUnknownChargers,
                userTypes, dunning, chargerEnrollmentKeyHash, issuesStatements, cardsValidAt, acceptsCardsOf, language,
                invoiceMail, announcedChargePointIds, enrollsAnnouncedOnly, null);
    }

    /** An operator that announced no chargers (the form of the records before announcements existed). */
    public OperatorRecord(UUID id, long revision, String legalName, Address address, String vatNumber,
                          String chamberOfCommerceNumber, String iban, String bic, String contactEmail,
                          String timeZone, String currency, String billingInterval, int graceDays,
                          int paymentTermDays, String invoiceNumberPrefix, boolean acceptsUnknownChargers,
                          List<String> userTypes, DunningPolicy dunning, String chargerEnrollmentKeyHash,
                          boolean issuesStatements, List<UUID> cardsValidAt, List<UUID> acceptsCardsOf,
                          String language, InvoiceMail invoiceMail) {
        this(id, revision, legalName, address, vatNumber, chamberOfCommerceNumber, iban, bic, contactEmail, timeZone,
                currency, billingInterval, graceDays, paymentTermDays, invoiceNumberPrefix, acceptsUnknownChargers,
                userTypes, dunning, chargerEnrollmentKeyHash, issuesStatements, cardsValidAt, acceptsCardsOf, language,
                invoiceMail, List.of(), false, null);
    }

    /** The language of this operator's documents: its own choice, else its country's. */
    public DocumentLanguage documentLanguage() {
        return DocumentLanguage.of(language).orElseGet(() -> DocumentLanguage.defaultFor(
                address == null ? null : address.countryCode()));
    }
}
