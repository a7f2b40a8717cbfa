package org.evsettle.gateway;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.ChargingStationSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.ManagementPort;
import org.evsettle.testkit.TopicProbe;

/**
 * A registry fed the way user-service feeds it (records on the compacted topics), chargers that
 * connect once the gateway's projection has them, and shortcuts for the OCPP calls tests make.
 */
final class GatewayFixtures {

    static final String PASSWORD = "0123456789ABCDEF0123456789ABCDEF01234567";

    /** One producer for the whole test run (a probe per test instance would leave producers behind). */
    private static TopicProbe shared;

    final TopicProbe topics = probe();

    private static synchronized TopicProbe probe() {
        if (shared == null) {
            shared = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());
        }
        return shared;
    }

    /** An operator, with a charger of its own. */
    record Site(UUID operatorId, ChargerRecord charger) {
        String chargePointId() {
            return charger.chargePointId();
        }
    }

    Site aSite() {
        UUID operatorId = UUID.randomUUID();
        topics.publish("user-service", RegistryRecords.anOperator(operatorId, "Europe/Amsterdam"));
        ChargerRecord charger = RegistryRecords.aCharger(operatorId, "ZAP-" + UUID.randomUUID().toString().substring(0, 8),
                PASSWORD);
        topics.publish("user-service", charger);
        return new Site(operatorId, charger);
    }

    /** The operator record {@link #aSite()} published. */
    static OperatorRecord operatorOf(Site site) {
        return RegistryRecords.anOperator(site.operatorId(), "Europe/Amsterdam");
    }

    /** Publishes the operator one revision on with these roaming choices; returns what it published. */
    OperatorRecord roaming(OperatorRecord operator, List<UUID> cardsValidAt, List<UUID> acceptsCardsOf) {
        OperatorRecord changed = RegistryRecords.withRoaming(operator, cardsValidAt, acceptsCardsOf);
        topics.publish("user-service", changed);
        return changed;
    }

    CardRecord aCard(UUID operatorId, String idTag, UnaryOperator<RegistryRecords.CardBuilder> changes) {
        CardRecord card = RegistryRecords.aCard(operatorId, idTag, changes);
        topics.publish("user-service", card);
        return card;
    }

    /** Connects as soon as the gateway has the charger in its projection. */
    static ChargePointSimulator connect(URI gateway, Site site) {
        return connectOnceAdmitted(gateway, site.chargePointId(), PASSWORD);
    }

    /** Connects with this password as soon as the gateway admits it (refused handshakes are retried for 30 s). */
    static ChargePointSimulator connectOnceAdmitted(URI gateway, String chargePointId, String password) {
        AtomicReference<ChargePointSimulator> connected = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).ignoreException(ChargePointSimulator.HandshakeRefused.class)
                .until(() -> {
                    connected.set(ChargePointSimulator.connect(gateway, chargePointId, password));
                    return true;
                });
        return connected.get();
    }

    /** Connects an OCPP 2.0.1 station offering these subprotocols as soon as the gateway admits it. */
    static ChargingStationSimulator connectStation(URI gateway, Site site, String... subprotocols) {
        AtomicReference<ChargingStationSimulator> connected = new AtomicReference<>();
        String[] offered = subprotocols.length == 0 ? new String[] {ChargingStationSimulator.SUBPROTOCOL} : subprotocols;
        await().atMost(Duration.ofSeconds(30)).ignoreException(ChargePointSimulator.HandshakeRefused.class)
                .until(() -> {
                    connected.set(ChargingStationSimulator.connect(gateway, site.chargePointId(), PASSWORD, offered));
                    return true;
                });
        return connected.get();
    }

    /** The ws:// address of the gateway under test. */
    static URI websocket(URI http) {
        return URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/");
    }

    static Map<String, Object> boot() {
        return Map.of("chargePointVendor", "Zaptec", "chargePointModel", "Go2", "firmwareVersion", "3.2.1.0");
    }

    static Map<String, Object> startTransaction(String idTag, long meterStart, Instant timestamp) {
        return Map.of("connectorId", 1, "idTag", idTag, "meterStart", meterStart, "timestamp", timestamp.toString());
    }

    static Map<String, Object> stopTransaction(int transactionId, long meterStop, Instant timestamp) {
        Map<String, Object> stop = new HashMap<>();
        stop.put("transactionId", transactionId);
        stop.put("meterStop", meterStop);
        stop.put("timestamp", timestamp.toString());
        stop.put("reason", "EVDisconnected");
        return stop;
    }

    static Map<String, Object> meterValues(int transactionId, Instant timestamp, String wh) {
        return Map.of("connectorId", 1, "transactionId", transactionId, "meterValue", List.of(Map.of(
                "timestamp", timestamp.toString(),
                "sampledValue", List.of(Map.of("value", wh, "measurand", "Energy.Active.Import.Register", "unit", "Wh",
                        "context", "Sample.Periodic")))));
    }

    /** A charger's clock: whole seconds, some hours ago (as an offline-queued message would carry). */
    static Instant hoursAgo(int hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The value of a Prometheus sample on the management port, by its name (summed over its labels) or by
     * its name and labels as written; 0 while it does not exist.
     */
    static double metric(String sample) {
        return ManagementPort.get("/q/metrics").body().lines()
                .filter(line -> line.startsWith(sample + " ") || (!sample.endsWith("}") && line.startsWith(sample + "{")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * Every envelope on ocpp.events about this charger (at least one: a consumer that joins slowly on
     * a busy machine may read nothing before its quiet period ends, so an empty read is repeated).
     */
    List<Envelope<?>> ocppEvents(String chargePointId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> topics.readAll(Topics.OCPP_EVENTS,
                        Duration.ofSeconds(2)).stream()
                .filter(envelope -> chargePointId.equals(envelope.subject()))
                .toList(), events -> !events.isEmpty());
    }
}
