package org.evsettle.users.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.events.registry.SepaMandate;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Problem;
import org.evsettle.users.CompanyRegistrationNumber;
import org.evsettle.users.Driver;
import org.evsettle.users.Employers;
import org.evsettle.users.Operator;
import org.evsettle.users.PostalAddress;
import org.evsettle.users.SepaDebitMandate;
import org.evsettle.users.UserTypes;

/**
 * A driver as a client sends it (a PUT sends it all); userType RESIDENT and status ACTIVE when left
 * out, no language (the operator's). The company fields make the driver a business customer (B2B invoices).
 * employerId bills the driver's charging to a business customer of the operator ({@link Employers});
 * payoutIban is read without spaces and in upper case.
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
        @Valid SepaMandateForm sepaMandate,
        @Schema(description = "ISO 639-1 code of the language of the driver's invoices and e-mails: nl, fr, en or de;"
                + " left out the operator's", example = "nl")
        @LanguageCode String language,
        @Schema(description = "The company's number in the register of the billing address's country: in NL its KvK"
                + " number (8 digits), in BE its enterprise number (10 digits, 0123.456.749 or 0123456749, checked to"
                + " its check digits), elsewhere up to 35 characters; stored as digits only for NL and BE. Needs a"
                + " companyName", example = "12345678")
        @Size(max = 50) String companyRegistrationNumber,
        @Schema(description = "The employer billed for the driver's charging: another driver of the operator that is"
                + " a business customer (companyName, and a VAT or registration number) and is billed itself; only for"
                + " a driver of one of the operator's employerBilledUserTypes. Left out, the driver is billed",
                example = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
        UUID employerId,
        @Schema(description = "The account the driver's reimbursements (home charging) are paid out to; checked to its"
                + " check digits, spaces ignored", example = "NL44RABO0123456789")
        @IbanNumber String payoutIban) {

    public DriverForm {
        payoutIban = payoutIban == null || payoutIban.isBlank() ? null
                : payoutIban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

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

    /** The same form billed to that employer. */
    public DriverForm withEmployer(UUID employer) {
        return new DriverForm(name, email, billingAddress, userType, companyName, companyVatNumber, status, sepaMandate,
                language, companyRegistrationNumber, employer, payoutIban);
    }

    /** The e-mail as stored and compared: trimmed, lower case. */
    public String normalizedEmail() {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public String userTypeOrDefault() {
        return Optional.ofNullable(userType).orElse(UserTypes.RESIDENT);
    }

    /**
     * The rules beyond each field's own: the user type is one of the operator's, the company fields need a
     * company name, the registration number follows the rule of the billing address's country.
     */
    public void checkAgainst(Operator operator) {
        if (status == Driver.Status.ERASED) {
            throw DomainException.invalid("status", "must be ACTIVE or INACTIVE; a driver is erased with"
                    + " POST /api/drivers/{driverId}/erasure");
        }
        if (!operator.userTypes().contains(userTypeOrDefault())) {
            throw DomainException.invalid("userType", "must be one of the operator's user types: " + operator.userTypes());
        }
        List<Problem.Violation> violations = companyRuleViolations();
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
    }

    /** What is wrong with the company fields taken together (each field's own rules apart). */
    public List<Problem.Violation> companyRuleViolations() {
        List<Problem.Violation> violations = new ArrayList<>();
        boolean named = companyName != null && !companyName.isBlank();
        if (companyVatNumber != null && !named) {
            violations.add(new Problem.Violation("companyName", "is required with a companyVatNumber"));
        }
        if (companyRegistrationNumber != null) {
            if (!named) {
                violations.add(new Problem.Violation("companyName", "is required with a companyRegistrationNumber"));
            }
            CompanyRegistrationNumber.brokenRule(normalizedRegistrationNumber(), country())
                    .ifPresent(rule -> violations.add(new Problem.Violation("companyRegistrationNumber", rule)));
        }
        return violations.stream().distinct().toList();
    }

    /** The registration number as stored (digits only in NL and BE), or null. */
    public String normalizedRegistrationNumber() {
        return companyRegistrationNumber == null ? null
                : CompanyRegistrationNumber.normalize(companyRegistrationNumber, country());
    }

    private String country() {
        return billingAddress == null ? null : billingAddress.countryCode();
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
        driver.language = DocumentLanguage.of(language).map(DocumentLanguage::code).orElse(null);
        driver.companyRegistrationNumber = normalizedRegistrationNumber();
        driver.employerId = employerId;
        driver.payoutIban = payoutIban;
    }
}
