package org.evsettle.invoices;

import java.time.LocalDate;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.DocumentLanguage;

/**
 * The customer as an issued document names it: the driver's details on the day of issue, with the
 * direct debit mandate the invoice is collected under, if any, and the language the document and
 * everything sent about it are written in (the driver's, else the operator's), fixed at issue.
 */
public record CustomerDetails(String name, Address address, String email, String companyName, String companyVatNumber,
                              String mandateId, LocalDate mandateSignedOn, String debitIban,
                              String companyRegistrationNumber, String language) {

    public static CustomerDetails of(Driver d, Operator o) {
        return new CustomerDetails(d.name, d.address == null ? null : d.address.toAddress(), d.email, d.companyName,
                d.companyVatNumber, d.mandate().map(m -> m.mandateId()).orElse(null),
                d.mandate().map(m -> m.signedOn()).orElse(null), d.mandate().map(m -> m.iban()).orElse(null),
                d.companyRegistrationNumber,
                DocumentLanguage.of(d.language).orElseGet(o::documentLanguage).code());
    }

    /** The document's language; a document issued before languages were kept is in English, as it was written. */
    public DocumentLanguage documentLanguage() {
        return DocumentLanguage.of(language).orElse(DocumentLanguage.EN);
    }

    public boolean isCompany() {
        return (companyName != null && !companyName.isBlank()) || (companyVatNumber != null && !companyVatNumber.isBlank());
    }

    /** The name an invoice is addressed to: the company for a business customer, else the person. */
    public String billedName() {
        return companyName != null && !companyName.isBlank() ? companyName : name;
    }
}
