package org.evsettle.users.api;

import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.users.Operator;

/** An operator as the API shows it. */
public record OperatorView(
        UUID id, long revision, String legalName, Address address, String vatNumber, String chamberOfCommerceNumber,
        String iban, String bic, String contactEmail, String timeZone, String currency, String billingInterval,
        int graceDays, int paymentTermDays, String invoiceNumberPrefix, boolean acceptsUnknownChargers) {

    static OperatorView of(Operator o) {
        return new OperatorView(o.id, o.revision, o.legalName, o.address.toAddress(), o.vatNumber,
                o.chamberOfCommerceNumber, o.iban, o.bic, o.contactEmail, o.timeZone, o.currency, o.billingInterval,
                o.graceDays, o.paymentTermDays, o.invoiceNumberPrefix, o.acceptsUnknownChargers);
    }
}
