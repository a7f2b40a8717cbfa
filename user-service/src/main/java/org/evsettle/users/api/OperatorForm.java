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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.users.UserTypes;

/**
 * An operator's details and settings as a client sends them (a PUT sends them all). Left out:
 * timeZone Europe/Amsterdam, currency EUR, billingInterval MONTHLY, graceDays 5, paymentTermDays 14,
 * no own user types, no card blocking, unknown chargers refused, no statements, no roaming (own cards
 * at own chargers only).
 */
public record OperatorForm(
        @NotBlank @Size(max = 200) String legalName,
        @NotNull @Valid AddressForm address,
        @NotBlank @Pattern(regexp = "[A-Z]{2}[0-9A-Z]{2,13}", message = "must be a VAT number such as NL001234567B01")
        String vatNumber,
        @NotBlank @Pattern(regexp = "[0-9.]{8,12}", message = "must be a chamber-of-commerce number (KvK 8 digits, KBO 10)")
        String chamberOfCommerceNumber,
        @NotBlank @IbanNumber String iban,
        @Pattern(regexp = "[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", message = "must be a BIC of 8 or 11 characters")
        String bic,
        @NotBlank @Email String contactEmail,
        @TimeZoneId String timeZone,
        @Pattern(regexp = "EUR", message = "must be EUR") String currency,
        BillingInterval billingInterval,
        @Min(0) @Max(60) Integer graceDays,
        @Min(0) @Max(120) Integer paymentTermDays,
        @NotBlank @Pattern(regexp = "[A-Z0-9]{1,10}", message = "must be 1 to 10 upper-case letters or digits")
        String invoiceNumberPrefix,
        @Schema(description = "When turned on, the answer carries a new chargerEnrollmentKey, shown this once")
        Boolean acceptsUnknownChargers,
        @Schema(description = "The operator's own driver types; RESIDENT, EMPLOYEE and GUEST are always there")
        @Size(max = 30) List<@NotNull @Pattern(regexp = UserTypes.PATTERN, message = UserTypes.PATTERN_RULE) String> userTypes,
        @Valid DunningForm dunning,
        @Schema(description = "Send drivers a statement every period, even when they owe nothing")
        Boolean issuesStatements,
        @Schema(description = "Operators at whose chargers this operator's cards are also valid, once each accepts "
                + "them (acceptsCardsOf); sessions there are billed by this operator")
        @Size(max = MAX_PARTNERS) List<@NotNull UUID> cardsValidAt,
        @Schema(description = "Operators whose cards this operator's chargers accept, once each allows it "
                + "(cardsValidAt); sessions of their cards are billed by them")
        @Size(max = MAX_PARTNERS) List<@NotNull UUID> acceptsCardsOf) {

    static final int MAX_PARTNERS = 500;

    /** How often an operator's drivers are invoiced. */
    public enum BillingInterval { WEEKLY, MONTHLY, QUARTERLY }

    /** Whether an invoice this many days overdue blocks the driver's cards (until it is paid). */
    public record DunningForm(@NotNull Boolean blockCards, @NotNull @Min(0) @Max(365) Integer blockAfterDaysOverdue) {
    }
}
