package org.evsettle.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.invoices.CreditNoteIssued;
import org.evsettle.events.invoices.InvoiceIssued;
import org.evsettle.events.invoices.InvoiceOverdue;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.events.invoices.InvoiceUpdated;
import org.evsettle.events.ocpp.ChargeAuthorization;
import org.evsettle.events.ocpp.ChargerBooted;
import org.evsettle.events.ocpp.ChargerCommandAnswered;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.events.ocpp.ChargerConnected;
import org.evsettle.events.ocpp.ChargerDisconnected;
import org.evsettle.events.ocpp.ChargerEnrolled;
import org.evsettle.events.ocpp.ChargerPasswordIssued;
import org.evsettle.events.ocpp.ChargerPasswordRefused;
import org.evsettle.events.ocpp.DataTransferReceived;
import org.evsettle.events.ocpp.DiagnosticsStatusChanged;
import org.evsettle.events.ocpp.FirmwareStatusChanged;
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
import org.evsettle.events.registry.DunningPolicy;
import org.evsettle.events.registry.InvoiceMail;
import org.evsettle.events.registry.LoadLimit;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.SepaMandate;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.events.sessions.SessionSnapshot;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.events.tariffs.PricedSession;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.RunningCostCalculated;
import org.evsettle.events.tariffs.SessionRepriced;

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
    static final UUID CREDIT_NOTE = UUID.fromString("83b4ef71-92a3-4425-96d7-f8091a2b3c09");
    static final UUID COMMAND = UUID.fromString("94c5f082-a3b4-4536-a7e8-091a2b3c4d0a");
    static final UUID PARTNER_OPERATOR = UUID.fromString("a5d60193-b4c5-4647-b8f9-1a2b3c4d5e0b");
    static final Address ADDRESS = new Address("Stationsplein 1", "3511 ED", "Utrecht", "NL");
    static final Instant START = Instant.parse("2026-03-29T00:45:00Z");
    static final Instant STOP = Instant.parse("2026-03-29T02:15:30Z");
    static final Instant RECEIVED = Instant.parse("2026-03-29T02:15:31.250Z");

    private EventSamples() {
    }

    static List<Event> all() {
        SessionCompleted completed = new SessionCompleted(SESSION, "ZAP-000123", 42, 1,
                new SessionSnapshot(OPERATOR, SITE, CHARGER, CARD, DRIVER, "04A2B3C4D5E680", "RESIDENT"),
                START, STOP, 1_234_000L, 1_246_340L, 12_340L, "EVDisconnected",
                List.of(new EnergyReading(START, 1_234_000L), new EnergyReading(STOP, 1_246_340L)),
                new SessionDurations(5_430L, 4_200L, 1_230L));
        SessionPriced priced = new SessionPriced(SESSION, OPERATOR, DRIVER,
                new PricedSession("ZAP-000123", 42, SITE, CHARGER, CARD, "04A2B3C4D5E680", START, STOP, 12_340L),
                TARIFF, 1, "EUR",
                List.of(new PriceLine("ENERGY", "Energy", new BigDecimal("12.340"), "kWh",
                        new BigDecimal("0.35000"), new BigDecimal("4.32"))),
                new BigDecimal("4.32"), new BigDecimal("0.21"), new BigDecimal("0.91"), new BigDecimal("5.23"));
        ObjectNode resetPayload = EventJson.mapper().createObjectNode().put("type", "Soft");
        ObjectNode resetAnswer = EventJson.mapper().createObjectNode().put("status", "Accepted");
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
                new ChargerConnected("ZAP-000123", "ocpp1.6", "203.0.113.7:49152", RECEIVED),
                new ChargerDisconnected("ZAP-000123", 1006, "connection lost", RECEIVED),
                new ChargerEnrolled("ZAP-000999", OPERATOR, "Zaptec", "Pro", "ZPRO-0999", "7.5.4.0",
                        "pbkdf2-sha256$30000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA", RECEIVED),
                new ChargerPasswordIssued("ZAP-000999", OPERATOR, "sha256$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA", RECEIVED),
                new ChargerPasswordRefused("ZAP-000999", "ChangeConfiguration AuthorizationKey answered Rejected",
                        RECEIVED),
                new DiagnosticsStatusChanged("ZAP-000123", "Uploaded", RECEIVED),
                new FirmwareStatusChanged("ZAP-000123", "Installed", RECEIVED),
                new DataTransferReceived("ZAP-000123", "com.zaptec", "SessionInfo", "{\"phases\":3}", "Accepted", RECEIVED),
                new ChargerCommandAnswered(COMMAND, "ZAP-000123", "Reset", "ANSWERED", resetAnswer, null, null, RECEIVED),
                new ChargerCommandRequested(COMMAND, "ZAP-000123", "Reset", resetPayload, "operator-admin", RECEIVED, 30,
                        OPERATOR),
                new OperatorRecord(OPERATOR, 3, "Woonstichting De Linde", ADDRESS, "NL001234567B01", "12345678",
                        "NL91ABNA0417164300", "ABNANL2A", "facturen@delinde.example", "Europe/Amsterdam", "EUR",
                        "MONTHLY", 5, 14, "LINDE", false, List.of("RESIDENT", "EMPLOYEE", "GUEST"),
                        new DunningPolicy(true, 14), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        false, List.of(PARTNER_OPERATOR), List.of(PARTNER_OPERATOR), "nl",
                        new InvoiceMail(true, "administratie@delinde.example"), List.of("ZCS000143", "ZCS000144"),
                        true, new ChargerSettings(120, false, true, false)),
                new SiteRecord(SITE, 1, OPERATOR, "Parkeergarage Lindelaan", ADDRESS, SiteKind.SHARED, null,
                        new LoadLimit(LoadLimit.AMPERES, new BigDecimal("32"))),
                new ChargerRecord(CHARGER, 2, OPERATOR, SITE, "ZAP-000123", 2, "Zaptec", "Go2", "3.2.1.0",
                        "pbkdf2-sha256$30000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA", "ACTIVE", "ISSUED", List.of("ZAP-LEGACY-4711")),
                new DriverRecord(DRIVER, 1, OPERATOR, "Anna de Vries", "anna@example.org", ADDRESS, "EMPLOYEE",
                        null, null, "ACTIVE", new SepaMandate("LINDE-M-0001", LocalDate.parse("2026-01-15"),
                        "NL02RABO0123456789", "RABONL2U"), "8d3c5f7a-1b2e-4c6d-9e0f-a1b2c3d4e5f6", "nl", null,
                        UUID.fromString("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), "NL44RABO0123456788"),
                new CardRecord(CARD, 1, OPERATOR, DRIVER, "04A2B3C4D5E680", "Anna's card", "ACTIVE", null,
                        LocalDate.parse("2028-12-31")),
                completed,
                new SessionCorrected(SESSION, 1, completed, "Meter stop read from the charger's display",
                        "operator-admin", Instant.parse("2026-04-02T09:00:00Z")),
                new SessionProgressed(SESSION, "tx-7f3a", new SessionCompleted(SESSION, "ALF-000456", 43, 1,
                        new SessionSnapshot(OPERATOR, SITE, CHARGER, CARD, DRIVER, "04A2B3C4D5E680", "RESIDENT"),
                        START, START.plusSeconds(1_800), 1_234_000L, 1_239_500L, 5_500L, null,
                        List.of(new EnergyReading(START, 1_234_000L), new EnergyReading(START.plusSeconds(1_800), 1_239_500L)),
                        new SessionDurations(1_800L, 1_800L, 0L))),
                priced,
                new SessionRepriced(SESSION, 1, priced, "Session corrected"),
                new RunningCostCalculated(UUID.fromString("6a81bc4e-7f80-4a92-b3c4-d5e6f7081928"), SESSION, OPERATOR,
                        "ALF-000456", "tx-7f3a", new BigDecimal("2.33"), "EUR", START.plusSeconds(1_800)),
                new InvoiceUpdated(INVOICE, 1, OPERATOR, DRIVER, "OPEN", null, LocalDate.parse("2026-03-01"),
                        LocalDate.parse("2026-03-31"), "EUR", 1, new BigDecimal("4.32"), new BigDecimal("0.91"),
                        new BigDecimal("5.23")),
                new InvoiceIssued(INVOICE, OPERATOR, DRIVER, "LINDE-2026-000123", LocalDate.parse("2026-04-06"),
                        LocalDate.parse("2026-04-20"), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"),
                        "EUR", new BigDecimal("4.32"), new BigDecimal("0.91"), new BigDecimal("5.23"),
                        "RF18539007547034"),
                new InvoiceOverdue(INVOICE, OPERATOR, DRIVER, "LINDE-2026-000123", LocalDate.parse("2026-04-20"), 15,
                        new BigDecimal("5.23"), "REMINDER_1"),
                new InvoicePaid(INVOICE, OPERATOR, DRIVER, "LINDE-2026-000123", LocalDate.parse("2026-05-07"),
                        new BigDecimal("5.23")),
                new CreditNoteIssued(INVOICE, CREDIT_NOTE, OPERATOR, DRIVER, "LINDE-2026-000124", "LINDE-2026-000123",
                        LocalDate.parse("2026-04-09"), new BigDecimal("4.32"), new BigDecimal("0.91"),
                        new BigDecimal("5.23"), "Session repriced"));
    }
}
