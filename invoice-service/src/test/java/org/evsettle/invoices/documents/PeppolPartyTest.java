package org.evsettle.invoices.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.evsettle.events.registry.Address;
import org.evsettle.invoices.CustomerDetails;
import org.evsettle.invoices.SupplierDetails;
import org.evsettle.invoices.documents.PeppolParty.Identifier;
import org.junit.jupiter.api.Test;

class PeppolPartyTest {

    @Test
    void aDutchOperatorIsAddressedAndIdentifiedByItsKvkNumberElseAddressedByItsVatNumber() {
        assertThat(PeppolParty.supplier(supplier("NL", "NL001234567B01", "12345678")))
                .isEqualTo(new PeppolParty(new Identifier("0106", "12345678"), new Identifier("0106", "12345678"),
                        "NL001234567B01", "NL"));
        assertThat(PeppolParty.supplier(supplier("NL", "NL001234567B01", null)))
                .isEqualTo(new PeppolParty(new Identifier("9944", "NL001234567B01"), null, "NL001234567B01", "NL"));
    }

    @Test
    void aBelgianOperatorIsIdentifiedByItsEnterpriseNumberTakenFromItsVatNumberWhenNotGiven() {
        Identifier enterprise = new Identifier("0208", "0403170701");
        assertThat(PeppolParty.supplier(supplier("BE", "BE 0403.170.701", null)))
                .isEqualTo(new PeppolParty(enterprise, enterprise, "BE0403170701", "BE"));
        assertThat(PeppolParty.supplier(supplier("BE", null, "0403.170.701")))
                .isEqualTo(new PeppolParty(enterprise, enterprise, null, "BE"));
    }

    @Test
    void aBusinessCustomerIsAddressedByItsRegistrationNumberElseByItsVatNumber() {
        PeppolParty operator = PeppolParty.supplier(supplier("NL", "NL001234567B01", "12345678"));

        assertThat(PeppolParty.customer(company("NL", "NL859123456B01", "87654321"), operator).endpoint())
                .isEqualTo(new Identifier("0106", "87654321"));
        assertThat(PeppolParty.customer(company("NL", "NL859123456B01", null), operator))
                .isEqualTo(new PeppolParty(new Identifier("9944", "NL859123456B01"), null, "NL859123456B01", "NL"));
        assertThat(PeppolParty.customer(company("BE", "BE0876543270", null), operator).legalEntity())
                .isEqualTo(new Identifier("0208", "0876543270"));
        // a Belgian company in the Netherlands: addressed by its enterprise number, identified by no number (NL-R-005)
        assertThat(PeppolParty.customer(company("NL", "BE0876543270", null), operator))
                .isEqualTo(new PeppolParty(new Identifier("0208", "0876543270"), null, "BE0876543270", "NL"));
        assertThat(PeppolParty.customer(company("DE", "DE123456789", "HRB 12345"), operator).legalEntity())
                .isEqualTo(new Identifier(null, "HRB 12345"));
        // a Belgian VAT number that is no enterprise number (a malformed one) is still a VAT address
        assertThat(PeppolParty.customer(company("BE", "BE12345", null), operator).endpoint())
                .isEqualTo(new Identifier("9925", "BE12345"));
        assertThat(PeppolParty.customer(company("DE", "DE123456789", null), operator).endpoint())
                .isEqualTo(new Identifier("9930", "DE123456789"));
    }

    @Test
    void aPrivateCustomerGetsTheOperatorsAddressAndNoIdentifierOfItsOwn() {
        PeppolParty operator = PeppolParty.supplier(supplier("NL", "NL001234567B01", "12345678"));
        CustomerDetails anna = new CustomerDetails("Anna de Vries", new Address("Kerkstraat 5", "3811 CV", "Amersfoort", "BE"),
                "anna@example.org", null, null, null, null, null, null, "nl");

        assertThat(PeppolParty.customer(anna, operator))
                .isEqualTo(new PeppolParty(operator.endpoint(), null, null, "BE"));
        assertThat(PeppolParty.onPeppol(anna)).isFalse();
    }

    @Test
    void aCompanyOfWhichNoNumberIsKnownIsNoPeppolReceiverEither() {
        PeppolParty operator = PeppolParty.supplier(supplier("NL", "NL001234567B01", "12345678"));
        CustomerDetails unnumbered = company("NL", null, null);

        assertThat(PeppolParty.onPeppol(unnumbered)).isFalse();
        assertThat(PeppolParty.customer(unnumbered, operator).endpoint()).isEqualTo(operator.endpoint());
        assertThat(PeppolParty.onPeppol(company("NL", "NL859123456B01", null))).isTrue();
    }

    private static SupplierDetails supplier(String country, String vat, String registration) {
        return new SupplierDetails("Operator", new Address("Straat 1", "1000", "Stad", country), vat, registration,
                null, null, "facturen@operator.example");
    }

    private static CustomerDetails company(String country, String vat, String registration) {
        return new CustomerDetails("Piet", new Address("Straat 2", "1000", "Stad", country), "piet@example.org",
                "Company BV", vat, null, null, null, registration, "nl");
    }
}
