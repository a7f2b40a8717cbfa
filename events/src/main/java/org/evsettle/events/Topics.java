package org.evsettle.events;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
    /**
     * The running cost of sessions still charging at 2.0.1 stations, for their displays, key chargePointId: apart
     * from the prices so that the gateway reads no driver's price and tariff-service writes no charger command.
     */
    public static final String TARIFFS_RUNNING_COSTS = "tariffs.running-costs";
    /** Invoices, key invoiceId. */
    public static final String INVOICES_EVENTS = "invoices.events";

    /**
     * The consumers that keep their place in a topic (a consumer group's channel), by the name their
     * quarantined records and dead-letter topic carry: {@code <service>.<what it reads>}.
     */
    public static final List<String> CONSUMERS = List.of(
            "user-service.charger-events", "user-service.dunning",
            "session-service.charger-events", "session-service.registry", "session-service.prices",
            "tariff-service.sessions", "tariff-service.registry",
            "invoice-service.prices", "invoice-service.registry");

    /**
     * How every topic is created: partitions bound how far consumers of a family scale out;
     * registry topics are compacted so that they hold the latest state of every entity; every
     * consumer has a dead-letter topic of one partition.
     */
    public static final List<TopicSpec> SPECS = Stream.concat(Stream.of(
            new TopicSpec(OCPP_EVENTS, 12, false),
            new TopicSpec(OCPP_COMMANDS, 12, false),
            new TopicSpec(REGISTRY_OPERATORS, 3, true),
            new TopicSpec(REGISTRY_SITES, 3, true),
            new TopicSpec(REGISTRY_CHARGERS, 6, true),
            new TopicSpec(REGISTRY_DRIVERS, 6, true),
            new TopicSpec(REGISTRY_CARDS, 6, true),
            new TopicSpec(SESSIONS_EVENTS, 12, false),
            new TopicSpec(TARIFFS_EVENTS, 12, false),
            new TopicSpec(TARIFFS_RUNNING_COSTS, 12, false),
            new TopicSpec(INVOICES_EVENTS, 6, false)),
            CONSUMERS.stream().map(consumer -> new TopicSpec(deadLetters(consumer), 1, false))).toList();

    /**
     * Who may do what on Kafka, one principal per client (the Kafka user of a deployment, named after the
     * module): the topics it writes, the topics it reads, and the consumer group it reads them in (the
     * service's {@code quarkus.application.name}; the ocpp-gateway reads with assigned partitions and no
     * group). A service also writes the dead-letter topics of its own consumers. This table is the one
     * source of the deployments' ACLs: the Strimzi KafkaUsers and the docker-compose ACLs are checked
     * against it, and a test applies them to a real broker.
     */
    public static final List<ClientAccess> ACCESS = List.of(
            ClientAccess.of("ocpp-gateway",
                    List.of(OCPP_EVENTS, OCPP_COMMANDS),
                    List.of(OCPP_EVENTS, OCPP_COMMANDS, REGISTRY_OPERATORS, REGISTRY_SITES, REGISTRY_CHARGERS,
                            REGISTRY_CARDS, TARIFFS_RUNNING_COSTS),
                    false),
            ClientAccess.of("user-service",
                    List.of(REGISTRY_OPERATORS, REGISTRY_SITES, REGISTRY_CHARGERS, REGISTRY_DRIVERS, REGISTRY_CARDS),
                    List.of(OCPP_EVENTS, INVOICES_EVENTS),
                    true),
            ClientAccess.of("session-service",
                    List.of(SESSIONS_EVENTS),
                    List.of(OCPP_EVENTS, REGISTRY_OPERATORS, REGISTRY_SITES, REGISTRY_DRIVERS, REGISTRY_CARDS,
                            REGISTRY_CHARGERS, TARIFFS_EVENTS),
                    true),
            ClientAccess.of("tariff-service",
                    List.of(TARIFFS_EVENTS, TARIFFS_RUNNING_COSTS),
                    List.of(SESSIONS_EVENTS, REGISTRY_OPERATORS, REGISTRY_SITES, REGISTRY_CHARGERS, REGISTRY_DRIVERS),
                    true),
            ClientAccess.of("invoice-service",
                    List.of(INVOICES_EVENTS),
                    List.of(TARIFFS_EVENTS, REGISTRY_OPERATORS, REGISTRY_SITES, REGISTRY_DRIVERS),
                    true));

    /**
     * What one Kafka principal may do: write {@code writes} (its events and its consumers' dead-letter
     * topics), read {@code reads}, and read in {@code group} (empty: it uses no consumer group).
     */
    public record ClientAccess(String principal, List<String> writes, List<String> reads, Optional<String> group) {

        public ClientAccess {
            writes = List.copyOf(writes);
            reads = List.copyOf(reads);
        }

        static ClientAccess of(String principal, List<String> events, List<String> reads, boolean group) {
            List<String> writes = Stream.concat(events.stream(), CONSUMERS.stream()
                    .filter(consumer -> consumer.startsWith(principal + "."))
                    .map(Topics::deadLetters)).toList();
            return new ClientAccess(principal, writes, reads, group ? Optional.of(principal) : Optional.empty());
        }
    }

    /** The access of a principal, by its name (a module's name). */
    public static ClientAccess access(String principal) {
        return ACCESS.stream().filter(access -> access.principal().equals(principal)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Kafka principal " + principal));
    }

    /** A topic as it is created: name, partition count and whether it is compacted. */
    public record TopicSpec(String name, int partitions, boolean compacted) {
    }

    private Topics() {
    }

    /**
     * Where a consumer puts a record it could not apply, beside the row an admin sees and replays
     * (the outbox module's failure policy): {@code dlq.<consumer>}, key and headers as the record came.
     */
    public static String deadLetters(String consumer) {
        return "dlq." + consumer;
    }
}
