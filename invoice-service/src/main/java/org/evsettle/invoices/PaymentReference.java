package org.evsettle.invoices;

import java.util.Locale;
import java.util.Optional;

/**
 * The structured payment reference an invoice is paid with, in the form its supplier's bank customers
 * expect, the one place where that choice is made: a Belgian operator's invoices carry the Belgian
 * structured communication ({@link StructuredCommunication}), every other operator's an ISO 11649
 * creditor reference ({@link CreditorReference}). Both are made of the invoice's year and sequence and
 * check themselves; the invoice stores {@link #value()}.
 */
public record PaymentReference(Kind kind, String value) {

    /** The two forms, named as the documents' texts name them. */
    public enum Kind {
        /** ISO 11649 creditor reference, stored without spaces: {@code RF462026000123}. */
        RF,
        /** Belgian structured communication, stored as printed: {@code +++260/0000/04214+++}. */
        STRUCTURED
    }

    /** The reference of the invoice with this year and sequence of a supplier in this country. */
    public static PaymentReference forInvoice(String supplierCountry, int year, long sequence) {
        return "BE".equals(supplierCountry == null ? null : supplierCountry.trim().toUpperCase(Locale.ROOT))
                ? new PaymentReference(Kind.STRUCTURED, StructuredCommunication.forInvoice(year, sequence))
                : new PaymentReference(Kind.RF, CreditorReference.forInvoice(year, sequence));
    }

    /** A stored reference, its form read from it. */
    public static PaymentReference of(String stored) {
        return stored != null && stored.startsWith("+++") ? new PaymentReference(Kind.STRUCTURED, stored)
                : new PaymentReference(Kind.RF, stored);
    }

    /** As people read and type it: a creditor reference in groups of four, a structured communication as is. */
    public String printed() {
        return kind == Kind.STRUCTURED ? value : CreditorReference.printed(value);
    }

    /**
     * The first reference with correct check digits in a free text (a bank statement's remittance),
     * written as banks report it, in its stored form: a creditor reference, else a structured communication.
     */
    public static Optional<String> findIn(String text) {
        return CreditorReference.findIn(text).or(() -> StructuredCommunication.findIn(text));
    }
}
