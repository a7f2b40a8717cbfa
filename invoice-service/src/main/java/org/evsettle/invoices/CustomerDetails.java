package org.evsettle.invoices;

import java.time.LocalDate;
import org.evsettle.events.registry.Address;

/**
 * The customer as an issued document names it: the driver's details on the day of issue, with the
 * direct debit mandate the invoice is collected under, if any.
 */
public record CustomerDetails(String name, Address address, String email, String companyName, String companyVatNumber,
                              String mandateId, LocalDate mandateSignedOn, String debitIban) {

    public static CustomerDetails of(Driver d) {
        return new CustomerDetails(d.name, d.address == null ? null : d.address.toAddress(), d.email, d.companyName,
                d.companyVatNumber, d.mandate().map(m -> m.mandateId()).orElse(null),
                d.mandate().map(m -> m.signedOn()).orElse(null), d.mandate().map(m -> m.iban()).orElse(null));
    }

    public boolean isCompany() {
        return (companyName != null && !companyName.isBlank()) || (companyVatNumber != null && !companyVatNumber.isBlank());
    }

    /** The name an invoice is addressed to: the company for a business customer, else the person. */
    public String billedName() {
        return companyName != null && !companyName.isBlank() ? companyName : name;
    }
}
