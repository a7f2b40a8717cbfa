package org.evsettle.events.registry;

import java.time.LocalDate;

/** A SEPA direct debit mandate (scheme CORE) a driver signed, for collecting invoices from iban. */
public record SepaMandate(String mandateId, LocalDate signedOn, String iban, String bic) {
}
