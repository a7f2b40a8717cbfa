package org.evsettle.invoices.documents;

import java.util.Locale;
import java.util.Map;
import org.evsettle.events.registry.Address;
import org.evsettle.invoices.CustomerDetails;
import org.evsettle.invoices.SupplierDetails;

/**
 * How a party of an invoice is addressed and identified in Peppol, the one place of the scheme choice:
 * its electronic address (EndpointID) and its legal entity identifier (PartyLegalEntity/CompanyID),
 * each with its scheme, and its VAT number. A registration number goes first: a Dutch KvK number
 * (8 digits) is scheme 0106, a Belgian enterprise number (10 digits) 0208, also derived from a Belgian
 * VAT number; else the VAT number under its country's scheme (NL 9944, BE 9925 ...). The Dutch rules
 * (NL-R-003, NL-R-005) accept only a KvK or OIN number as the legal entity identifier of a party in
 * the Netherlands: such a party without a KvK number is identified by its name alone.
 */
public record PeppolParty(Identifier endpoint, Identifier legalEntity, String vatNumber, String country) {

    /** The country of a party without one in its address: the platform's home market. */
    static final String DEFAULT_COUNTRY = "NL";
    static final String KVK = "0106";
    static final String BE_ENTERPRISE = "0208";

    /** The Electronic Address Scheme of VAT numbers per country prefix (VAT numbers of Greece start EL). */
    private static final Map<String, String> VAT_SCHEMES = Map.ofEntries(Map.entry("AT", "9914"), Map.entry("BE", "9925"),
            Map.entry("BG", "9926"), Map.entry("CY", "9928"), Map.entry("CZ", "9929"), Map.entry("DE", "9930"),
            Map.entry("EE", "9931"), Map.entry("EL", "9933"), Map.entry("ES", "9920"), Map.entry("FR", "9957"),
            Map.entry("GB", "9932"), Map.entry("HR", "9934"), Map.entry("HU", "9910"), Map.entry("IE", "9935"),
            Map.entry("IT", "0211"), Map.entry("LT", "9937"), Map.entry("LU", "9938"), Map.entry("LV", "9939"),
            Map.entry("MT", "9943"), Map.entry("NL", "9944"), Map.entry("PL", "9945"), Map.entry("PT", "9946"),
            Map.entry("RO", "9947"), Map.entry("SI", "9949"), Map.entry("SK", "9950"));

    /** An identifier with its scheme (an ISO 6523 ICD or a Peppol Electronic Address Scheme code; null: none). */
    public record Identifier(String scheme, String id) {
    }

    /** The operator: KvK number (NL) or enterprise number (BE, from the VAT number if need be), else VAT number. */
    public static PeppolParty supplier(SupplierDetails supplier) {
        return business(supplier.chamberOfCommerceNumber(), supplier.vatNumber(), country(supplier.address()));
    }

    /**
     * The customer: a business customer as the supplier. A private customer, or a company of which no
     * number is known, has no Peppol address of its own, but the Peppol rules demand a buyer's electronic
     * address (PEPPOL-EN16931-R010) and the e-mail scheme is not in their list (PEPPOL-EN16931-CL008):
     * rather than invent an address it gets the supplier's own, the one real address of a party to the
     * invoice, which can only lead back to the operator itself (docs/peppol.md).
     */
    public static PeppolParty customer(CustomerDetails customer, PeppolParty supplier) {
        String country = country(customer.address());
        if (!customer.isCompany()) {
            return new PeppolParty(supplier.endpoint(), null, null, country);
        }
        PeppolParty company = business(customer.companyRegistrationNumber(), customer.companyVatNumber(), country);
        return company.endpoint() != null ? company
                : new PeppolParty(supplier.endpoint(), company.legalEntity(), company.vatNumber(), country);
    }

    /** Whether the customer has a Peppol address of its own: a company with a registration or VAT number. */
    public static boolean onPeppol(CustomerDetails customer) {
        return customer.isCompany() && business(customer.companyRegistrationNumber(), customer.companyVatNumber(),
                country(customer.address())).endpoint() != null;
    }

    private static PeppolParty business(String registrationNumber, String vatNumber, String country) {
        String vat = plainVat(vatNumber);
        Identifier registration = registration(registrationNumber, vat);
        Identifier byVat = vat == null || !VAT_SCHEMES.containsKey(vat.substring(0, 2)) ? null
                : new Identifier(VAT_SCHEMES.get(vat.substring(0, 2)), vat);
        Identifier endpoint = registration != null ? registration : byVat;
        Identifier legalEntity = registration;
        if (registration == null && registrationNumber != null && !registrationNumber.isBlank()) {
            // a registration number of no scheme known here is still the legal entity's, written without a scheme
            legalEntity = new Identifier(null, registrationNumber.strip());
        }
        if ("NL".equals(country) && legalEntity != null && !KVK.equals(legalEntity.scheme())) {
            // a party in the Netherlands is identified by its KvK number or not at all (NL-R-003, NL-R-005)
            legalEntity = null;
        }
        return new PeppolParty(endpoint, legalEntity, vat, country);
    }

    /** A KvK number (8 digits) or Belgian enterprise number (10 digits), the latter also from a BE VAT number. */
    private static Identifier registration(String registrationNumber, String vat) {
        String digits = registrationNumber == null ? "" : registrationNumber.replaceAll("[\\s.]", "");
        if (digits.matches("\\d{8}")) {
            return new Identifier(KVK, digits);
        }
        if (digits.matches("[01]\\d{9}")) {
            return new Identifier(BE_ENTERPRISE, digits);
        }
        if (vat != null && vat.matches("BE[01]\\d{9}")) {
            return new Identifier(BE_ENTERPRISE, vat.substring(2));
        }
        return null;
    }

    /** A VAT number as Peppol writes it: its country prefix in capitals, no spaces, dots or dashes; null if none. */
    static String plainVat(String vatNumber) {
        if (vatNumber == null || vatNumber.isBlank()) {
            return null;
        }
        String plain = vatNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        return plain.length() > 2 ? plain : null;
    }

    static String country(Address address) {
        return address == null || address.countryCode() == null || address.countryCode().isBlank() ? DEFAULT_COUNTRY
                : address.countryCode().toUpperCase(Locale.ROOT);
    }
}
