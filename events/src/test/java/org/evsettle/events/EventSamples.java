package org.evsettle.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.invoices.InvoiceUpdated;
import org.evsettle.events.ocpp.ChargeAuthorization;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionSnapshot;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;

/** One fixed instance of every catalogued event, matching the golden JSON in test resources. */
final class EventSamples {

    static final UUID OPERATOR = UUID.fromString("0b9e5a52-5d2c-4f61-9f0e-6f3f2f8b1a01");
    static final UUID SITE = UUID.fromString("1c4d7e0a-2b3c-4d5e-8f70-8192a3b4c502");
    static final UUID CHARGER = UUID.fromString("2d5e8f1b-3c4d-4e6f-9071-92a3b4c5d603");
    static final UUID DRIVER = UUID.fromString("3e6f9a2c-4d5e-4f70-8182-a3b4c5d6e704");
    static final UUID CARD = UUID.fromString("4f70ab3d-5e6f-4081-9293-b4c5d6e7f805");
    static final UUID SESSION = UUID.fromString("5081bc4e-6f70-5192-a3a4-c5d6e7f80906");
    static final UUID TARIFF = UUID.fromString("6192cd5f-7081-4203-b4b5-d6e7f8091a07");
    static final UUID INVOICE = UUID.fromString("72a3de60-8192-4314-85c6-e7f8091a2b08");
    static final Address ADDRESS = new Address("Stationsplein 1", "3511 ED", "Utrecht", "NL");
    static final Instant START = Instant.parse("2026-03-29T00:45:00Z");
    static final Instant STOP = Instant.parse("2026-03-29T02:15:30Z");
    static final Instant RECEIVED = Instant.parse("2026-03-29T02:15:31.250Z");

    private EventSamples() {
    }

    static List<Event> all() {
        SampledValue energy = new SampledValue("1234567.8", "Sample.Periodic", "Raw",
                "Energy.Active.Import.Register", null, "Outlet", "Wh");
        SampledValue power = new SampledValue("7.4", "Sample.Periodic", "Raw", "Power.Active.Import", "L1", null, "kW");
        MeterValue sample = new MeterValue(Instant.parse("2026-03-29T01:00:00Z"), List.of(energy, power));
        return List.of(
                new ChargerBooted("ZAP-000123", "Zaptec", "Go2", "ZGO2-0001", "3.2.1.0", "Accepted", RECEIVED),
                new ChargerStatusChanged("ZAP-000123", 1, "Charging", "NoError", null, START, RECEIVED),
                new TransactionStarted("ZAP-000123", 42, 1, "04A2B3C4D5E680", 1_234_000L, START, null,
                        new ChargeAuthorization("Accepted", OPERATOR, SITE, CHARGER, CARD, DRIVER), RECEIVED),
                new MeterValuesSampled("ZAP-000123", 1, 42, List.of(sample), RECEIVED),
                new TransactionStopped("ZAP-000123", 42, 1, "04A2B3C4D5E680", 1_246_340L, STOP, "EVDisconnected",
                        List.of(sample), true, RECEIVED),
                new OperatorRecord(OPERATOR, 3, "Woonstichting De Linde", ADDRESS, "NL001234567B01", "12345678",
                        "NL91ABNA0417164300", "ABNANL2A", "facturen@delinde.example", "Europe/Amsterdam", "EUR",
                        "MONTHLY", 5, 14, "LINDE", false),
                new SiteRecord(SITE, 1, OPERATOR, "Parkeergarage Lindelaan", ADDRESS),
                new ChargerRecord(CHARGER, 2, OPERATOR, SITE, "ZAP-000123", 2, "Zaptec", "Go2", "3.2.1.0",
                        "pbkdf2-sha256$30000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA", "ACTIVE"),
                new DriverRecord(DRIVER, 1, OPERATOR, "Anna de Vries", "anna@example.org", ADDRESS, "RESIDENT",
                        null, null, "ACTIVE"),
                new CardRecord(CARD, 1, OPERATOR, DRIVER, "04A2B3C4D5E680", "Anna's card", "ACTIVE", null,
                        LocalDate.parse("2028-12-31")),
                new SessionCompleted(SESSION, "ZAP-000123", 42, 1,
                        new SessionSnapshot(OPERATOR, SITE, CHARGER, CARD, DRIVER, "04A2B3C4D5E680", "RESIDENT"),
                        START, STOP, 1_234_000L, 1_246_340L, 12_340L, "EVDisconnected",
                        List.of(new EnergyReading(START, 1_234_000L), new EnergyReading(STOP, 1_246_340L))),
                new SessionPriced(SESSION, OPERATOR, DRIVER,
                        new PricedSession("ZAP-000123", 42, SITE, CHARGER, CARD, "04A2B3C4D5E680", START, STOP, 12_340L),
                        TARIFF, 1, "EUR",
                        List.of(new PriceLine("ENERGY", "Energy", new BigDecimal("12.340"), "kWh",
                                new BigDecimal("0.35000"), new BigDecimal("4.32"))),
                        new BigDecimal("4.32"), new BigDecimal("0.21"), new BigDecimal("0.91"), new BigDecimal("5.23")),
                new InvoiceUpdated(INVOICE, 1, OPERATOR, DRIVER, "OPEN", null, LocalDate.parse("2026-03-01"),
                        LocalDate.parse("2026-03-31"), "EUR", 1, new BigDecimal("4.32"), new BigDecimal("0.91"),
                        new BigDecimal("5.23")));
    }
}
