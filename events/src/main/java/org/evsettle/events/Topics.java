package org.evsettle.events;

import java.util.List;

/** Kafka topic names: one per aggregate family, keyed by the aggregate id so order holds per key. */
public final class Topics {

    /** Facts reported by chargers, key chargePointId. */
    public static final String OCPP_EVENTS = "ocpp.events";
    /** Commands for chargers, key chargePointId. */
    public static final String OCPP_COMMANDS = "ocpp.commands";
    /** Compacted registry topics, key = entity id; the latest value is the state, a tombstone deletes. */
    public static final String REGISTRY_OPERATORS = "registry.operators";
    public static final String REGISTRY_SITES = "registry.sites";
    public static final String REGISTRY_CHARGERS = "registry.chargers";
    public static final String REGISTRY_DRIVERS = "registry.drivers";
    public static final String REGISTRY_CARDS = "registry.cards";
    /** Charging sessions, key sessionId. */
    public static final String SESSIONS_EVENTS = "sessions.events";
    /** Prices of sessions, key sessionId. */
    public static final String TARIFFS_EVENTS = "tariffs.events";
    /** Invoices, key invoiceId. */
    public static final String INVOICES_EVENTS = "invoices.events";

    /**
     * How every topic is created: partitions bound how far consumers of a family scale out;
     * registry topics are compacted so that they hold the latest state of every entity.
     */
    public static final List<TopicSpec> SPECS = List.of(
            new TopicSpec(OCPP_EVENTS, 12, false),
            new TopicSpec(OCPP_COMMANDS, 12, false),
            new TopicSpec(REGISTRY_OPERATORS, 3, true),
            new TopicSpec(REGISTRY_SITES, 3, true),
            new TopicSpec(REGISTRY_CHARGERS, 6, true),
            new TopicSpec(REGISTRY_DRIVERS, 6, true),
            new TopicSpec(REGISTRY_CARDS, 6, true),
            new TopicSpec(SESSIONS_EVENTS, 12, false),
            new TopicSpec(TARIFFS_EVENTS, 12, false),
            new TopicSpec(INVOICES_EVENTS, 6, false));

    /** A topic as it is created: name, partition count and whether it is compacted. */
    public record TopicSpec(String name, int partitions, boolean compacted) {
    }

    private Topics() {
    }
}
