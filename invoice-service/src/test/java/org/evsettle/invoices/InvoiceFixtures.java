package org.evsettle.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;

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
        return new OperatorRecord(id, revision, legalName, address("Utrecht"), "NL001234567B01", "12345678",
                "NL91ABNA0417164300", "ABNANL2A", "facturen@delinde.example", "Europe/Amsterdam", "EUR",
                billingInterval, 5, 14, "LINDE", false, List.of("RESIDENT", "EMPLOYEE", "GUEST"), null, null, false);
    }

    static DriverRecord aDriver(UUID id, long revision, UUID operatorId, String name) {
        return new DriverRecord(id, revision, operatorId, name, name.toLowerCase().replace(' ', '.') + "@example.org",
                address("Amersfoort"), "RESIDENT", null, null, "ACTIVE", null, null);
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
                    List.of(energy), net, vatRate, vat, net.add(vat));
        }
    }
}
