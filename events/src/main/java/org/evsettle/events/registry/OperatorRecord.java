package org.evsettle.events.registry;

import java.util.UUID;

/**
 * An operator (tenant): the supplier on its drivers' invoices. timeZone is an IANA zone id,
 * billingInterval one of WEEKLY, MONTHLY, QUARTERLY.
 */
public record OperatorRecord(
        UUID id,
        long revision,
        String legalName,
        Address address,
        String vatNumber,
        String chamberOfCommerceNumber,
        String iban,
        String bic,
        String contactEmail,
        String timeZone,
        String currency,
        String billingInterval,
        int graceDays,
        int paymentTermDays,
        String invoiceNumberPrefix,
        boolean acceptsUnknownChargers) implements RegistryRecord {
}
