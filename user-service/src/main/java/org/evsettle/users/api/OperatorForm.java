package org.evsettle.users.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.users.Operator;
import org.evsettle.users.OperatorChange;
import org.evsettle.users.PostalAddress;
import org.evsettle.users.UserTypes;

/**
 * An operator's details and settings as a client sends them (a PUT sends them all). What is left out
 * takes the defaults below: the operator's zone {@link OperatorZone#DEFAULT}, no own user types, no card
 * blocking, unknown chargers refused, no statements, no roaming (own cards at own chargers only), the
 * language of the operator's country, invoices e-mailed without a blind copy, chargers configured with
 * {@link ChargerSettings#DEFAULT} (a meter value a minute, cards checked online), employees (EMPLOYEE) the only
 * drivers that may be billed to an employer.
 */
public record OperatorForm(
        @Schema(example = "Woonstichting De Linde") @NotBlank @Size(max = 200) String legalName,
        @NotNull @Valid AddressForm address,
        @Schema(example = "NL001234567B01")
        @NotBlank @Pattern(regexp = "[A-Z]{2}[0-9A-Z]{2,13}", message = "must be a VAT number such as NL001234567B01")
        String vatNumber,
        @Schema(description = "KvK (8 digits) or KBO (10 digits) number", example = "12345678")
        @NotBlank @Pattern(regexp = "[0-9.]{8,12}", message = "must be a chamber-of-commerce number (KvK 8 digits, KBO 10)")
        String chamberOfCommerceNumber,
        @Schema(description = "Where drivers pay to; checked to its check digits", example = "NL91ABNA0417164300")
        @NotBlank @IbanNumber String iban,
        @Schema(example = "ABNANL2A")
        @Pattern(regexp = "[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", message = "must be a BIC of 8 or 11 characters")
        String bic,
        @Schema(example = "facturen@delinde.example") @NotBlank @Email String contactEmail,
        @Schema(description = "IANA time zone the operator's days and billing periods are read in; left out "
                + "Europe/Amsterdam", example = "Europe/Amsterdam")
        @TimeZoneId String timeZone,
        @Schema(description = "Left out EUR, the only one yet", example = "EUR")
        @Pattern(regexp = "EUR", message = "must be EUR") String currency,
        @Schema(description = "How often drivers are invoiced; left out MONTHLY", example = "MONTHLY")
        BillingInterval billingInterval,
        @Schema(description = "Days after the period before its invoices are issued; left out " + DEFAULT_GRACE_DAYS,
                example = "5")
        @Min(0) @Max(60) Integer graceDays,
        @Schema(description = "Days an invoice is due after it is issued; left out " + DEFAULT_PAYMENT_TERM_DAYS,
                example = "14")
        @Min(0) @Max(120) Integer paymentTermDays,
        @Schema(example = "LINDE")
        @NotBlank @Pattern(regexp = "[A-Z0-9]{1,10}", message = "must be 1 to 10 upper-case letters or digits")
        String invoiceNumberPrefix,
        @Schema(description = "When turned on, the answer carries a new chargerEnrollmentKey, shown this once",
                example = "false")
        Boolean acceptsUnknownChargers,
        @Schema(description = "The operator's own driver types; RESIDENT, EMPLOYEE and GUEST are always there",
                example = "[\"STUDENT\"]")
        @Size(max = 30) List<@NotNull @Pattern(regexp = UserTypes.PATTERN, message = UserTypes.PATTERN_RULE) String> userTypes,
        @Valid DunningForm dunning,
        @Schema(description = "Send drivers a statement every period, even when they owe nothing", example = "false")
        Boolean issuesStatements,
        @Schema(description = "Operators at whose chargers this operator's cards are also valid, once each accepts "
                + "them (acceptsCardsOf); sessions there are billed by this operator",
                example = "[\"3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7\"]")
        @Size(max = MAX_PARTNERS) List<@NotNull UUID> cardsValidAt,
        @Schema(description = "Operators whose cards this operator's chargers accept, once each allows it "
                + "(cardsValidAt); sessions of their cards are billed by them", example = "[]")
        @Size(max = MAX_PARTNERS) List<@NotNull UUID> acceptsCardsOf,
        @Schema(description = "ISO 639-1 code of the language of the drivers' invoices and e-mails unless a driver"
                + " chose one: nl, fr, en or de; left out the country's (NL and BE Dutch, DE German, otherwise"
                + " English)", example = "nl")
        @LanguageCode String language,
        @Valid InvoiceMailForm invoiceMail,
        @Valid ChargerSettingsForm chargerSettings,
        @Schema(description = "The user types whose drivers may be billed to an employer (a driver's employerId), each"
                + " one of the operator's user types; left out [\"EMPLOYEE\"], [] for none", example = "[\"EMPLOYEE\"]")
        @Size(max = 30) List<@NotNull @Pattern(regexp = UserTypes.PATTERN, message = UserTypes.PATTERN_RULE) String>
        employerBilledUserTypes) {

    static final int MAX_PARTNERS = 500;
    static final int DEFAULT_GRACE_DAYS = 5;
    static final int DEFAULT_PAYMENT_TERM_DAYS = 14;
    static final int DEFAULT_BLOCK_AFTER_DAYS = 14;

    /** How often an operator's drivers are invoiced. */
    public enum BillingInterval { WEEKLY, MONTHLY, QUARTERLY }

    /** Whether an invoice this many days overdue blocks the driver's cards (until it is paid); left out, none does. */
    public record DunningForm(
            @Schema(example = "true") @NotNull Boolean blockCards,
            @Schema(example = "21") @NotNull @Min(0) @Max(365) Integer blockAfterDaysOverdue) {
    }

    /**
     * Whether invoices, reminders and statements are e-mailed to drivers (off when, for example, a payment
     * provider sends its own), and the operator's administration's address for a blind copy of each; left out,
     * e-mail on without a copy.
     */
    public record InvoiceMailForm(
            @Schema(example = "true") @NotNull Boolean enabled,
            @Schema(description = "Receives a blind copy of every document mailed", example = "administratie@delinde.example")
            @Email @Size(max = 254) String bcc) {
    }

    /**
     * How the operator's chargers are configured for billing at each boot (the gateway's configuration
     * profiles); left out, {@link ChargerSettings#DEFAULT}, and so is each field left out.
     */
    public record ChargerSettingsForm(
            @Schema(description = "Seconds between meter values during a transaction (MeterValueSampleInterval), "
                    + ChargerSettings.MIN_METER_VALUE_SAMPLE_INTERVAL + " to "
                    + ChargerSettings.MAX_METER_VALUE_SAMPLE_INTERVAL + "; left out 60", example = "60")
            @Min(ChargerSettings.MIN_METER_VALUE_SAMPLE_INTERVAL) @Max(ChargerSettings.MAX_METER_VALUE_SAMPLE_INTERVAL)
            Integer meterValueSampleInterval,
            @Schema(description = "The charger sends an Authorize before a remote start (AuthorizeRemoteTxRequests); "
                    + "left out false", example = "false")
            Boolean authorizeRemoteTxRequests,
            @Schema(description = "The charger starts at once for a card in its local list or cache, the platform "
                    + "checking it at StartTransaction (LocalPreAuthorize); left out false: every card is checked "
                    + "online first", example = "false")
            Boolean localPreAuthorize,
            @Schema(description = "A charger that offers both OCPP 2.0.1 and 1.6 speaks 2.0.1; false keeps every charger"
                    + " on 1.6; left out true", example = "true")
            Boolean ocpp201Allowed) {

        ChargerSettings settings() {
            ChargerSettings defaults = ChargerSettings.DEFAULT;
            return new ChargerSettings(
                    Optional.ofNullable(meterValueSampleInterval).orElse(defaults.meterValueSampleInterval()),
                    Optional.ofNullable(authorizeRemoteTxRequests).orElse(defaults.authorizeRemoteTxRequests()),
                    Optional.ofNullable(localPreAuthorize).orElse(defaults.localPreAuthorize()),
                    Optional.ofNullable(ocpp201Allowed).orElse(defaults.ocpp201Allowed()));
        }
    }

    /** The form as the change an operator's settings take. */
    public OperatorChange change() {
        return new OperatorChange(this::applyTo, userTypes, cardsValidAt, acceptsCardsOf,
                Boolean.TRUE.equals(acceptsUnknownChargers), employerBilledUserTypes);
    }

    private void applyTo(Operator operator) {
        operator.legalName = legalName.trim();
        operator.address = PostalAddress.of(address.toAddress());
        operator.vatNumber = vatNumber;
        operator.chamberOfCommerceNumber = chamberOfCommerceNumber;
        operator.iban = iban;
        operator.bic = bic;
        operator.contactEmail = contactEmail.trim();
        operator.timeZone = Optional.ofNullable(timeZone).orElse(OperatorZone.DEFAULT.getId());
        operator.currency = Optional.ofNullable(currency).orElse(OperatorRecord.DEFAULT_CURRENCY);
        operator.billingInterval = Optional.ofNullable(billingInterval).orElse(BillingInterval.MONTHLY).name();
        operator.graceDays = Optional.ofNullable(graceDays).orElse(DEFAULT_GRACE_DAYS);
        operator.paymentTermDays = Optional.ofNullable(paymentTermDays).orElse(DEFAULT_PAYMENT_TERM_DAYS);
        operator.invoiceNumberPrefix = invoiceNumberPrefix;
        operator.issuesStatements = Boolean.TRUE.equals(issuesStatements);
        DunningForm policy = Optional.ofNullable(dunning).orElse(new DunningForm(false, DEFAULT_BLOCK_AFTER_DAYS));
        operator.dunningBlockCards = policy.blockCards();
        operator.dunningBlockAfterDaysOverdue = policy.blockAfterDaysOverdue();
        operator.language = DocumentLanguage.of(language).map(DocumentLanguage::code).orElse(null);
        operator.invoiceMailEnabled = invoiceMail == null || invoiceMail.enabled();
        operator.invoiceMailBcc = invoiceMail == null || invoiceMail.bcc() == null || invoiceMail.bcc().isBlank()
                ? null : invoiceMail.bcc().trim();
        ChargerSettings charging = chargerSettings == null ? ChargerSettings.DEFAULT : chargerSettings.settings();
        operator.meterValueSampleInterval = charging.meterValueSampleInterval();
        operator.authorizeRemoteTxRequests = charging.authorizeRemoteTxRequests();
        operator.localPreAuthorize = charging.localPreAuthorize();
        operator.ocpp201Allowed = charging.ocpp201Allowed();
    }
}
