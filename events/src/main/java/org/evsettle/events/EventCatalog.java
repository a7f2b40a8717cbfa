package org.evsettle.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.evsettle.events.invoices.CreditNoteIssued;
import org.evsettle.events.invoices.InvoiceIssued;
import org.evsettle.events.invoices.InvoiceOverdue;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.events.invoices.InvoiceUpdated;
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
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionCorrected;
import org.evsettle.events.sessions.SessionProgressed;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.events.tariffs.RunningCostCalculated;
import org.evsettle.events.tariffs.SessionRepriced;

/**
 * Every event type, once: its CloudEvents type, topic and record. A breaking change adds a new
 * version here beside the old one; consumers handle both.
 */
public final class EventCatalog {

    public static final EventType<ChargerBooted> CHARGER_BOOTED =
            type("ocpp", "charger-booted", 1, Topics.OCPP_EVENTS, ChargerBooted.class);
    public static final EventType<ChargerStatusChanged> CHARGER_STATUS_CHANGED =
            type("ocpp", "charger-status-changed", 1, Topics.OCPP_EVENTS, ChargerStatusChanged.class);
    public static final EventType<TransactionStarted> TRANSACTION_STARTED =
            type("ocpp", "transaction-started", 1, Topics.OCPP_EVENTS, TransactionStarted.class);
    public static final EventType<MeterValuesSampled> METER_VALUES_SAMPLED =
            type("ocpp", "meter-values-sampled", 1, Topics.OCPP_EVENTS, MeterValuesSampled.class);
    public static final EventType<TransactionStopped> TRANSACTION_STOPPED =
            type("ocpp", "transaction-stopped", 1, Topics.OCPP_EVENTS, TransactionStopped.class);

    public static final EventType<ChargerConnected> CHARGER_CONNECTED =
            type("ocpp", "charger-connected", 1, Topics.OCPP_EVENTS, ChargerConnected.class);
    public static final EventType<ChargerDisconnected> CHARGER_DISCONNECTED =
            type("ocpp", "charger-disconnected", 1, Topics.OCPP_EVENTS, ChargerDisconnected.class);
    public static final EventType<ChargerEnrolled> CHARGER_ENROLLED =
            type("ocpp", "charger-enrolled", 1, Topics.OCPP_EVENTS, ChargerEnrolled.class);
    public static final EventType<ChargerPasswordIssued> CHARGER_PASSWORD_ISSUED =
            type("ocpp", "charger-password-issued", 1, Topics.OCPP_EVENTS, ChargerPasswordIssued.class);
    public static final EventType<ChargerPasswordRefused> CHARGER_PASSWORD_REFUSED =
            type("ocpp", "charger-password-refused", 1, Topics.OCPP_EVENTS, ChargerPasswordRefused.class);
    public static final EventType<DiagnosticsStatusChanged> DIAGNOSTICS_STATUS_CHANGED =
            type("ocpp", "diagnostics-status-changed", 1, Topics.OCPP_EVENTS, DiagnosticsStatusChanged.class);
    public static final EventType<FirmwareStatusChanged> FIRMWARE_STATUS_CHANGED =
            type("ocpp", "firmware-status-changed", 1, Topics.OCPP_EVENTS, FirmwareStatusChanged.class);
    public static final EventType<DataTransferReceived> DATA_TRANSFER_RECEIVED =
            type("ocpp", "data-transfer-received", 1, Topics.OCPP_EVENTS, DataTransferReceived.class);
    public static final EventType<ChargerCommandAnswered> CHARGER_COMMAND_ANSWERED =
            type("ocpp", "charger-command-answered", 1, Topics.OCPP_EVENTS, ChargerCommandAnswered.class);
    public static final EventType<ChargerCommandRequested> CHARGER_COMMAND_REQUESTED =
            type("ocpp", "charger-command-requested", 1, Topics.OCPP_COMMANDS, ChargerCommandRequested.class);

    public static final EventType<OperatorRecord> OPERATOR =
            type("registry", "operator", 1, Topics.REGISTRY_OPERATORS, OperatorRecord.class);
    public static final EventType<SiteRecord> SITE =
            type("registry", "site", 1, Topics.REGISTRY_SITES, SiteRecord.class);
    public static final EventType<ChargerRecord> CHARGER =
            type("registry", "charger", 1, Topics.REGISTRY_CHARGERS, ChargerRecord.class);
    public static final EventType<DriverRecord> DRIVER =
            type("registry", "driver", 1, Topics.REGISTRY_DRIVERS, DriverRecord.class);
    public static final EventType<CardRecord> CARD =
            type("registry", "card", 1, Topics.REGISTRY_CARDS, CardRecord.class);

    public static final EventType<SessionCompleted> SESSION_COMPLETED =
            type("sessions", "session-completed", 1, Topics.SESSIONS_EVENTS, SessionCompleted.class);
    public static final EventType<SessionCorrected> SESSION_CORRECTED =
            type("sessions", "session-corrected", 1, Topics.SESSIONS_EVENTS, SessionCorrected.class);
    public static final EventType<SessionProgressed> SESSION_PROGRESSED =
            type("sessions", "session-progressed", 1, Topics.SESSIONS_EVENTS, SessionProgressed.class);
    public static final EventType<SessionPriced> SESSION_PRICED =
            type("tariffs", "session-priced", 1, Topics.TARIFFS_EVENTS, SessionPriced.class);
    public static final EventType<SessionRepriced> SESSION_REPRICED =
            type("tariffs", "session-repriced", 1, Topics.TARIFFS_EVENTS, SessionRepriced.class);
    public static final EventType<RunningCostCalculated> RUNNING_COST_CALCULATED =
            type("tariffs", "running-cost-calculated", 1, Topics.TARIFFS_RUNNING_COSTS, RunningCostCalculated.class);
    public static final EventType<InvoiceUpdated> INVOICE_UPDATED =
            type("invoices", "invoice-updated", 1, Topics.INVOICES_EVENTS, InvoiceUpdated.class);
    public static final EventType<InvoiceIssued> INVOICE_ISSUED =
            type("invoices", "invoice-issued", 1, Topics.INVOICES_EVENTS, InvoiceIssued.class);
    public static final EventType<InvoiceOverdue> INVOICE_OVERDUE =
            type("invoices", "invoice-overdue", 1, Topics.INVOICES_EVENTS, InvoiceOverdue.class);
    public static final EventType<InvoicePaid> INVOICE_PAID =
            type("invoices", "invoice-paid", 1, Topics.INVOICES_EVENTS, InvoicePaid.class);
    public static final EventType<CreditNoteIssued> CREDIT_NOTE_ISSUED =
            type("invoices", "credit-note-issued", 1, Topics.INVOICES_EVENTS, CreditNoteIssued.class);

    public static final List<EventType<?>> ALL = List.of(
            CHARGER_BOOTED, CHARGER_STATUS_CHANGED, TRANSACTION_STARTED, METER_VALUES_SAMPLED, TRANSACTION_STOPPED,
            CHARGER_CONNECTED, CHARGER_DISCONNECTED, CHARGER_ENROLLED, CHARGER_PASSWORD_ISSUED, CHARGER_PASSWORD_REFUSED,
            DIAGNOSTICS_STATUS_CHANGED,
            FIRMWARE_STATUS_CHANGED, DATA_TRANSFER_RECEIVED, CHARGER_COMMAND_ANSWERED, CHARGER_COMMAND_REQUESTED,
            OPERATOR, SITE, CHARGER, DRIVER, CARD,
            SESSION_COMPLETED, SESSION_CORRECTED, SESSION_PROGRESSED, SESSION_PRICED, SESSION_REPRICED,
            RUNNING_COST_CALCULATED,
            INVOICE_UPDATED, INVOICE_ISSUED, INVOICE_OVERDUE, INVOICE_PAID, CREDIT_NOTE_ISSUED);

    private static final Map<String, EventType<?>> BY_CE_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    @SuppressWarnings("unchecked")
    public static <T extends Event> EventType<T> of(T data) {
        EventType<?> type = BY_CLASS.get(data.getClass());
        if (type == null) {
            throw new IllegalArgumentException("Not a catalogued event: " + data.getClass().getName());
        }
        return (EventType<T>) type;
    }

    private static <T extends Event> EventType<T> type(String family, String name, int version, String topic,
                                                      Class<T> dataClass) {
        return new EventType<>("evsettle." + family + "." + name + ".v" + version, topic, dataClass);
    }
}
