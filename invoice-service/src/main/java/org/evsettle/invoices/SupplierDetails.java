package org.evsettle.invoices;

import org.evsettle.events.registry.Address;

/** The supplier as an issued document names it: the operator's details on the day of issue. */
public record SupplierDetails(String legalName, Address address, String vatNumber, String chamberOfCommerceNumber,
                              String iban, String bic, String email) {

    public static SupplierDetails of(Operator o) {
        return new SupplierDetails(o.legalName, o.address == null ? null : o.address.toAddress(), o.vatNumber,
                o.chamberOfCommerceNumber, o.iban, o.bic, o.contactEmail);
    }
}
