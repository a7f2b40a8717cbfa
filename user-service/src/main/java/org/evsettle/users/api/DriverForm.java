package org.evsettle.users.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.events.registry.SepaMandate;
import org.evsettle.kit.api.DomainException;
import org.evsettle.users.Driver;
import org.evsettle.users.Operator;
import org.evsettle.users.PostalAddress;
import org.evsettle.users.SepaDebitMandate;
import org.evsettle.users.UserTypes;

/**
 * A driver as a client sends it (a PUT sends it all); userType RESIDENT and status ACTIVE when left
 * out. The company fields make the driver a business customer (B2B invoices).
 */
public record DriverForm(
        @Schema(example = "Anna de Vries") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Unique per operator, in any case; stored in lower case", example = "anna@example.org")
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Valid AddressForm billingAddress,
        @Schema(description = "RESIDENT, EMPLOYEE, GUEST or one of the operator's own userTypes; left out RESIDENT",
                example = "RESIDENT")
        @Pattern(regexp = UserTypes.PATTERN, message = UserTypes.PATTERN_RULE) String userType,
        @Schema(description = "Makes the driver a business customer (B2B invoices)", example = "Jansen Installatie BV")
        @Size(max = 200) String companyName,
        @Schema(description = "Needs a companyName", example = "BE0123456789")
        @Pattern(regexp = "[A-Z]{2}[0-9A-Z]{2,13}", message = "must be a VAT number such as BE0123456789")
        String companyVatNumber,
        @Schema(description = "An INACTIVE driver's cards are blocked until the driver is ACTIVE again; left out"
                + " ACTIVE", example = "ACTIVE")
        Driver.Status status,
        @Valid SepaMandateForm sepaMandate) {

    /** A signed SEPA direct debit mandate (scheme CORE) to collect the driver's invoices from iban. */
    public record SepaMandateForm(
            @Schema(example = "LINDE-MANDATE-0001") @NotBlank @Size(max = 35)
            @Pattern(regexp = "[A-Za-z0-9+?/:().,' -]+", message = "may hold only the characters SEPA allows")
            String mandateId,
            @Schema(example = "2026-01-15") @NotNull @PastOrPresent LocalDate signedOn,
            @Schema(example = "NL02RABO0123456789") @NotBlank @IbanNumber String iban,
            @Schema(example = "RABONL2U") @Pattern(regexp = "[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", message = "must be a BIC of 8 or 11 characters")
            String bic) {

        SepaMandate toMandate() {
            return new SepaMandate(mandateId.trim(), signedOn, iban, bic);
        }
    }

    /** The e-mail as stored and compared: trimmed, lower case. */
    public String normalizedEmail() {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public String userTypeOrDefault() {
        return Optional.ofNullable(userType).orElse(UserTypes.RESIDENT);
    }

    /** The rules that need the operator: the user type is one of its types. */
    public void checkAgainst(Operator operator) {
        if (!operator.userTypes().contains(userTypeOrDefault())) {
            throw DomainException.invalid("userType", "must be one of the operator's user types: " + operator.userTypes());
        }
        if (companyVatNumber != null && (companyName == null || companyName.isBlank())) {
            throw DomainException.invalid("companyName", "is required with a companyVatNumber");
        }
    }

    public void applyTo(Driver driver) {
        driver.name = name.trim();
        driver.email = normalizedEmail();
        driver.billingAddress = PostalAddress.of(billingAddress.toAddress());
        driver.userType = userTypeOrDefault();
        driver.companyName = companyName == null || companyName.isBlank() ? null : companyName.trim();
        driver.companyVatNumber = companyVatNumber;
        driver.status = Optional.ofNullable(status).orElse(Driver.Status.ACTIVE).name();
        driver.sepaMandate = sepaMandate == null ? null : SepaDebitMandate.of(sepaMandate.toMandate());
    }
}
