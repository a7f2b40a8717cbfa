package org.evsettle.invoices;

import org.evsettle.events.tariffs.PricePurpose;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.DunningPolicy;
import org.evsettle.events.registry.InvoiceMail;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.SepaMandate;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.testkit.TestTokens;

/** Builders of the upstream events the invoice service consumes, with valid defaults. */
final class InvoiceFixtures {

    static final String REGISTRY = "user-service";
    static final String TARIFFS = "tariff-service";

    private InvoiceFixtures() {
    }

    static Address address(String city) {
        return new Address("Stationsplein 1", "3511 ED", city, "NL");
    }

    static OperatorRecord anOperator(UUID id, long revision, String legalName, String billingInterval) {
        return anOperator(id, o -> o.revision(revision).legalName(legalName).interval(billingInterval));
    }

    static OperatorRecord anOperator(UUID id, Consumer<OperatorBuilder> changes) {
        OperatorBuilder operator = new OperatorBuilder(id);
        changes.accept(operator);
        return operator.build();
    }

    static DriverRecord aDriver(UUID id, long revision, UUID operatorId, String name) {
        return aDriver(id, operatorId, d -> d.revision(revision).name(name));
    }

    static DriverRecord aDriver(UUID id, UUID operatorId, Consumer<DriverBuilder> changes) {
        DriverBuilder driver = new DriverBuilder(id, operatorId);
        changes.accept(driver);
        return driver.build();
    }

    /** An operator in Utrecht billing monthly with 5 grace days and 14 days to pay, by default. */
    static final class OperatorBuilder {
        private final UUID id;
        private long revision;
        private String legalName = "Woonstichting De Linde";
        private String interval = "MONTHLY";
        private int graceDays = 5;
        private int paymentTermDays = 14;
        private String prefix = "LINDE";
        private boolean issuesStatements;
        private DunningPolicy dunning;
        private Address address = address("Utrecht");
        private String vatNumber = "NL001234567B01";
        private String chamberOfCommerceNumber = "12345678";
        private String iban = "NL91ABNA0417164300";
        private String bic = "ABNANL2A";
        private String language;
        private InvoiceMail invoiceMail = InvoiceMail.DEFAULT;

        OperatorBuilder(UUID id) {
            this.id = id;
        }

        OperatorBuilder revision(long value) {
            revision = value;
            return this;
        }

        OperatorBuilder legalName(String value) {
            legalName = value;
            return this;
        }

        OperatorBuilder interval(String value) {
            interval = value;
            return this;
        }

        OperatorBuilder graceDays(int value) {
            graceDays = value;
            return this;
        }

        OperatorBuilder paymentTermDays(int value) {
            paymentTermDays = value;
            return this;
        }

        OperatorBuilder prefix(String value) {
            prefix = value;
            return this;
        }

        OperatorBuilder issuesStatements(boolean value) {
            issuesStatements = value;
            return this;
        }

        OperatorBuilder invoiceMail(boolean enabled, String bcc) {
            invoiceMail = new InvoiceMail(enabled, bcc);
            return this;
        }

        OperatorBuilder blocksCardsAfter(int days) {
            dunning = new DunningPolicy(true, days);
            return this;
        }

        /** A Belgian operator in Brussels: Belgian VAT and enterprise number, a Belgian account. */
        OperatorBuilder belgian() {
            address = new Address("Rue Royale 10", "1000", "Bruxelles", "BE");
            vatNumber = "BE0123456749";
            chamberOfCommerceNumber = "0123456749";
            iban = "BE71096123456769";
            bic = "GKCCBEBB";
            return this;
        }

        /** The operator's document language (ISO 639-1); none: its country's. */
        OperatorBuilder language(String value) {
            language = value;
            return this;
        }

        OperatorRecord build() {
            return new OperatorRecord(id, revision, legalName, address, vatNumber, chamberOfCommerceNumber,
                    iban, bic, "facturen@delinde.example", "Europe/Amsterdam", "EUR", interval,
                    graceDays, paymentTermDays, prefix, false, List.of("RESIDENT", "EMPLOYEE", "GUEST"), dunning, null,
                    issuesStatements, List.of(), List.of(), language, invoiceMail);
        }
    }

    /** A resident in Amersfoort who pays by transfer, by default. */
    static final class DriverBuilder {
        private final UUID id;
        private final UUID operatorId;
        private long revision;
        private String name = "Anna de Vries";
        private String companyName;
        private String companyVatNumber;
        private SepaMandate mandate;
        private String email;
        private String language;
        private String account;
        private boolean erased;
        private String registrationNumber;
        private UUID employerId;
        private String payoutIban;

        DriverBuilder(UUID id, UUID operatorId) {
            this.id = id;
            this.operatorId = operatorId;
            this.account = TestTokens.accountOf(id);
        }

        /** The account the registry links the driver to (TestTokens.driver's by default); null: none. */
        DriverBuilder account(String value) {
            account = value;
            return this;
        }

        DriverBuilder revision(long value) {
            revision = value;
            return this;
        }

        DriverBuilder name(String value) {
            name = value;
            return this;
        }

        DriverBuilder company(String name, String vatNumber) {
            companyName = name;
            companyVatNumber = vatNumber;
            return this;
        }

        /** A business customer's number in its country's register (a KvK number in the Netherlands). */
        DriverBuilder registrationNumber(String value) {
            registrationNumber = value;
            return this;
        }

        /** The driver's charging is billed to this employer (another driver of the operator). */
        DriverBuilder employer(UUID value) {
            employerId = value;
            return this;
        }

        /** Where the driver's reimbursements are paid out. */
        DriverBuilder payoutIban(String value) {
            payoutIban = value;
            return this;
        }

        DriverBuilder email(String value) {
            email = value;
            return this;
        }

        DriverBuilder mandate(String mandateId, String signedOn) {
            mandate = new SepaMandate(mandateId, LocalDate.parse(signedOn), "NL44RABO0123456789", null);
            return this;
        }

        /** The driver's document language (ISO 639-1); none: the operator's. */
        DriverBuilder language(String value) {
            language = value;
            return this;
        }

        /** The record user-service publishes once the driver is erased: a pseudonym, nothing personal. */
        DriverBuilder erased() {
            erased = true;
            name = "Erased driver " + id.toString().substring(0, 8);
            return this;
        }

        DriverRecord build() {
            if (erased) {
                return new DriverRecord(id, revision, operatorId, name, null, null, "RESIDENT", null, null, "ERASED",
                        null, null, null, null);
            }
            return new DriverRecord(id, revision, operatorId, name,
                    email != null ? email : name.toLowerCase().replace(' ', '.') + "@example.org",
                    address("Amersfoort"), companyName == null ? "RESIDENT" : "EMPLOYEE", companyName, companyVatNumber,
                    "ACTIVE", mandate, account, language, registrationNumber, employerId, payoutIban);
        }
    }

    static SessionPriced aPrice(Consumer<PriceBuilder> changes) {
        PriceBuilder price = new PriceBuilder();
        changes.accept(price);
        return price.build();
    }

    /** A priced session: one ENERGY component whose amount is the session's net. */
    static final class PriceBuilder {
        private UUID sessionId = UUID.randomUUID();
        private UUID operatorId = UUID.randomUUID();
        private UUID driverId = UUID.randomUUID();
        private UUID siteId = UUID.randomUUID();
        private String chargePointId = "ZAP-" + UUID.randomUUID().toString().substring(0, 6);
        private Instant startedAt = Instant.parse("2026-03-10T18:00:00Z");
        private Duration duration = Duration.ofMinutes(90);
        private long energyWh = 12_340;
        private BigDecimal unitPrice = new BigDecimal("0.35000");
        private BigDecimal net = new BigDecimal("4.32");
        private BigDecimal vatRate = new BigDecimal("0.21");
        private PricePurpose purpose = PricePurpose.CHARGE;
        private BigDecimal monthlyCap;

        PriceBuilder session(UUID id) {
            sessionId = id;
            return this;
        }

        PriceBuilder operator(UUID id) {
            operatorId = id;
            return this;
        }

        PriceBuilder driver(UUID id) {
            driverId = id;
            return this;
        }

        PriceBuilder site(UUID id) {
            siteId = id;
            return this;
        }

        PriceBuilder chargePoint(String id) {
            chargePointId = id;
            return this;
        }

        PriceBuilder startedAt(String instant) {
            startedAt = Instant.parse(instant);
            return this;
        }

        PriceBuilder energyWh(long wh) {
            energyWh = wh;
            return this;
        }

        /** A reimbursement of an employee's home charging: no VAT, with the rate's monthly cap (null: none). */
        PriceBuilder reimbursement(String monthlyCap) {
            purpose = PricePurpose.REIMBURSEMENT;
            vatRate = BigDecimal.ZERO;
            this.monthlyCap = monthlyCap == null ? null : new BigDecimal(monthlyCap);
            return this;
        }

        /** Someone else's session at an employee's home charger: nothing to anyone. */
        PriceBuilder notBilled() {
            purpose = PricePurpose.NOT_BILLED;
            net = new BigDecimal("0.00");
            vatRate = BigDecimal.ZERO;
            return this;
        }

        PriceBuilder net(String amount) {
            net = new BigDecimal(amount);
            return this;
        }

        SessionPriced build() {
            BigDecimal vat = net.multiply(vatRate).setScale(2, RoundingMode.HALF_UP);
            PricedSession session = new PricedSession(chargePointId, 7, siteId, UUID.randomUUID(), UUID.randomUUID(),
                    "04A2B3C4D5E680", startedAt, startedAt.plus(duration), energyWh);
            PriceLine energy = new PriceLine("ENERGY", "Energy", BigDecimal.valueOf(energyWh, 3), "kWh", unitPrice, net);
            return new SessionPriced(sessionId, operatorId, driverId, session, UUID.randomUUID(), 1, "EUR",
                    List.of(energy), net, vatRate, vat, net.add(vat), purpose, monthlyCap);
        }
    }
}
