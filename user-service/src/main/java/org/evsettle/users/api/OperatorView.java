package org.evsettle.users.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.DunningPolicy;
import org.evsettle.events.registry.InvoiceMail;
import org.evsettle.users.Operator;

/**
 * An operator as the API shows it; chargerEnrollmentKey only in the answer that generated it. The
 * roaming lists are in a fixed order (as published), not necessarily the order they were sent in. language
 * is the effective one (the operator's country's while it chose none, then languageIsDefault).
 */
public record OperatorView(
        UUID id, long revision, String legalName, Address address, String vatNumber, String chamberOfCommerceNumber,
        String iban, String bic, String contactEmail, String timeZone, String currency, String billingInterval,
        int graceDays, int paymentTermDays, String invoiceNumberPrefix, List<String> userTypes, DunningPolicy dunning,
        boolean issuesStatements, boolean acceptsUnknownChargers, Instant chargerEnrollmentKeyCreatedAt,
        List<UUID> cardsValidAt, List<UUID> acceptsCardsOf,
        @Schema(description = "ISO 639-1 code of the language drivers' documents are written in unless a driver chose"
                + " one: the operator's choice, or its country's when languageIsDefault", example = "nl")
        String language,
        @Schema(description = "True when the operator chose no language and its country's applies")
        boolean languageIsDefault,
        InvoiceMail invoiceMail,
        @Schema(description = "How its chargers are configured for billing at each boot: the meter value interval "
                + "(seconds) and the authorization policy")
        ChargerSettings chargerSettings,
        @Schema(description = "The user types whose drivers may be billed to an employer, in the order of userTypes")
        List<String> employerBilledUserTypes,
        @Schema(description = "The key unknown chargers present as their OCPP password to enroll; shown once")
        @JsonInclude(JsonInclude.Include.NON_NULL) String chargerEnrollmentKey) {

    static OperatorView of(Operator o) {
        return of(o, null);
    }

    static OperatorView of(Operator o, String newEnrollmentKey) {
        return new OperatorView(o.id, o.revision, o.legalName, o.address.toAddress(), o.vatNumber,
                o.chamberOfCommerceNumber, o.iban, o.bic, o.contactEmail, o.timeZone, o.currency, o.billingInterval,
                o.graceDays, o.paymentTermDays, o.invoiceNumberPrefix, o.userTypes().all(), o.dunning(),
                o.issuesStatements, o.acceptsUnknownChargers, o.chargerEnrollmentKeyCreatedAt,
                Operator.sorted(o.cardsValidAt), Operator.sorted(o.acceptsCardsOf), o.documentLanguage().code(),
                o.language == null, o.invoiceMail(), o.chargerSettings(), o.employerBilledUserTypes(), newEnrollmentKey);
    }
}
