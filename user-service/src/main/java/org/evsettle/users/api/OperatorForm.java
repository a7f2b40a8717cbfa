package org.evsettle.users.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An operator's details and settings as a client sends them. Left out: timeZone Europe/Amsterdam,
 * currency EUR, billingInterval MONTHLY, graceDays 5, paymentTermDays 14.
 */
public record OperatorForm(
        @NotBlank @Size(max = 200) String legalName,
        @NotNull @Valid AddressForm address,
        @NotBlank @Pattern(regexp = "[A-Z]{2}[0-9A-Z]{2,13}", message = "must be a VAT number such as NL001234567B01")
        String vatNumber,
        @NotBlank @Pattern(regexp = "[0-9.]{8,12}", message = "must be a chamber-of-commerce number (KvK 8 digits, KBO 10)")
        String chamberOfCommerceNumber,
        @NotBlank @Pattern(regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", message = "must be an IBAN without spaces")
        String iban,
        @Pattern(regexp = "[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", message = "must be a BIC of 8 or 11 characters")
        String bic,
        @NotBlank @Email String contactEmail,
        String timeZone,
        @Pattern(regexp = "EUR", message = "must be EUR") String currency,
        BillingInterval billingInterval,
        @Min(0) @Max(60) Integer graceDays,
        @Min(0) @Max(120) Integer paymentTermDays,
        @NotBlank @Pattern(regexp = "[A-Z0-9]{1,10}", message = "must be 1 to 10 upper-case letters or digits")
        String invoiceNumberPrefix,
        Boolean acceptsUnknownChargers) {

    /** How often an operator's drivers are invoiced. */
    public enum BillingInterval { WEEKLY, MONTHLY, QUARTERLY }
}
