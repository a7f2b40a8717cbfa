package org.evsettle.sessions.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.EventIds;
import org.evsettle.events.kafka.EnvelopeSerializer;
import org.evsettle.events.ocpp.ChargeAuthorization;
import org.evsettle.events.ocpp.ChargerStatusChanged;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;

/**
 * A day of charger events as the gateway publishes them, for the ingest benchmark: each session is
 * Preparing, StartTransaction, Charging, a MeterValues every 2 minutes for an hour (energy in kWh and
 * power, as Zaptec sends them), SuspendedEV, StopTransaction, Finishing and Available; 36 events. The
 * sessions follow each other on their charger's connector, chargers keyed as the gateway keys them.
 */
final class IngestLoad {

    private static final String GATEWAY = "ocpp-gateway";
    private static final Instant DAY = Instant.parse("2026-02-16T06:00:00Z");
    private static final int SAMPLES = 30;

    private final String bootstrapServers;
    private final int sessions;
    private final int chargers;
    private final String chargerPrefix;
    private final List<UUID> transactionEventIds = new ArrayList<>();

    /** sessions on chargers named chargerPrefix and a number. */
    IngestLoad(String bootstrapServers, int sessions, String chargerPrefix) {
        this.bootstrapServers = bootstrapServers;
        this.sessions = sessions;
        this.chargers = Math.max(1, Math.min(1_000, sessions / 5));
        this.chargerPrefix = chargerPrefix;
    }

    /** The event ids of the starts and stops published: session-service records these as it applies them. */
    List<UUID> transactionEventIds() {
        return transactionEventIds;
    }

    int chargers() {
        return chargers;
    }

    /** Publishes every event and waits for the broker's acks; returns how many. */
    long publish() throws InterruptedException, ExecutionException, TimeoutException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        UUID operator = UUID.randomUUID();
        // the gateway receives the queued events now, with the charger's older timestamps (as after an
        // outage): no session is stale or in the future on arrival
        Instant received = Instant.now();
        long published = 0;
        try (KafkaProducer<String, Envelope<?>> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EnvelopeSerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (int n = 0; n < sessions; n++) {
                int charger = n % chargers;
                int round = n / chargers;
                String chargePointId = chargerPrefix + charger;
                int transactionId = n + 1;
                Instant start = DAY.plus(Duration.ofMinutes(90L * round));
                ChargeAuthorization authorization = new ChargeAuthorization("Accepted", operator, UUID.randomUUID(),
                        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
                long meter = 10_000_000L + 20_000L * round;
                for (Event event : session(chargePointId, transactionId, start, meter, authorization, received)) {
                    Envelope<?> envelope = Envelope.of(EventIds.nameBased(chargePointId, transactionId, published),
                            GATEWAY, event, start);
                    if (event instanceof TransactionStarted || event instanceof TransactionStopped) {
                        transactionEventIds.add(envelope.id());
                    }
                    acks.add(producer.send(new ProducerRecord<>(envelope.topic(), envelope.subject(), envelope)));
                    published++;
                }
                if (acks.size() > 10_000) {
                    for (var ack : acks) {
                        ack.get(60, TimeUnit.SECONDS);
                    }
                    acks.clear();
                }
            }
            for (var ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
        return published;
    }

    private static List<Event> session(String chargePointId, int transactionId, Instant start, long meter,
                                       ChargeAuthorization authorization, Instant received) {
        List<Event> events = new ArrayList<>();
        events.add(status(chargePointId, "Preparing", start.minusSeconds(30), received));
        events.add(new TransactionStarted(chargePointId, transactionId, 1, "04A2B3C4", meter, start, null,
                authorization, received));
        events.add(status(chargePointId, "Charging", start.plusSeconds(2), received));
        for (int i = 1; i <= SAMPLES; i++) {
            Instant at = start.plus(Duration.ofMinutes(2L * i));
            long register = meter + 11_000L * 2 * i / 60;
            events.add(new MeterValuesSampled(chargePointId, 1, transactionId, List.of(new MeterValue(at, List.of(
                    new SampledValue(i > 25 ? "0.0" : "11.0", "Sample.Periodic", "Raw", "Power.Active.Import", null,
                            "Outlet", "kW"),
                    new SampledValue(String.valueOf(register / 1000.0), "Sample.Periodic", "Raw",
                            "Energy.Active.Import.Register", null, "Outlet", "kWh")))), received));
        }
        Instant stop = start.plus(Duration.ofMinutes(2L * SAMPLES + 1));
        events.add(status(chargePointId, "SuspendedEV", start.plus(Duration.ofMinutes(51)), received));
        events.add(new TransactionStopped(chargePointId, transactionId, 1, "04A2B3C4", meter + 11_000, stop,
                "EVDisconnected", List.of(), true, received));
        events.add(status(chargePointId, "Finishing", stop.plusSeconds(1), received));
        events.add(status(chargePointId, "Available", stop.plusSeconds(20), received));
        return events;
    }

    private static ChargerStatusChanged status(String chargePointId, String status, Instant at, Instant received) {
        return new ChargerStatusChanged(chargePointId, 1, status, "NoError", null, at, received);
    }
}
