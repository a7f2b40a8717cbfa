package org.evsettle.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.evsettle.events.invoices.InvoiceUpdated;
import org.evsettle.events.ocpp.ChargerBooted;
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
import org.evsettle.events.tariffs.SessionPriced;

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
    public static final EventType<SessionPriced> SESSION_PRICED =
            type("tariffs", "session-priced", 1, Topics.TARIFFS_EVENTS, SessionPriced.class);
    public static final EventType<InvoiceUpdated> INVOICE_UPDATED =
            type("invoices", "invoice-updated", 1, Topics.INVOICES_EVENTS, InvoiceUpdated.class);

    public static final List<EventType<?>> ALL = List.of(
            CHARGER_BOOTED, CHARGER_STATUS_CHANGED, TRANSACTION_STARTED, METER_VALUES_SAMPLED, TRANSACTION_STOPPED,
            OPERATOR, SITE, CHARGER, DRIVER, CARD,
            SESSION_COMPLETED, SESSION_PRICED, INVOICE_UPDATED);

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
