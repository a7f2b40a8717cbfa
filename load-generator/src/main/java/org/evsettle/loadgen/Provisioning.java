package org.evsettle.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Event;
import org.evsettle.events.kafka.EnvelopeSerializer;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.events.registry.OperatorRecord;

/**
 * Registers the simulated fleet the way user-service would: an operator (its charger settings allowing
 * OCPP 2.0.1), its chargers (one shared
 * generated password, stored with the fast hash as user-service stores generated passwords) and a card per charger, published on the compacted registry topics. The
 * chargePointIds carry a run id, so that runs against one Kafka do not collide.
 */
final class Provisioning {

    static final String SOURCE = "load-generator";
    /** The defaults, with OCPP 2.0.1 allowed in so many words: the gateway gives it to the stations that offer it. */
    static final ChargerSettings CHARGER_SETTINGS = new ChargerSettings(
            ChargerSettings.DEFAULT.meterValueSampleInterval(), false, false, true);

    private final String runId = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private final UUID operatorId = UUID.randomUUID();
    private final String password = OcppPasswordHash.generatePassword();

    String password() {
        return password;
    }

    String chargePointId(int index) {
        return String.format("%s%05d", chargePointPrefix(), index);
    }

    /** What every chargePointId of this run begins with. */
    String chargePointPrefix() {
        return "LOAD-" + runId + "-";
    }

    /** The card of the charger's driver: a 7-byte UID in hex, unique per run and charger. */
    String idTag(int index) {
        return String.format("04%s%06X", runId, index);
    }

    void publish(String bootstrapServers, int chargers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        String hash = OcppPasswordHash.hashGenerated(password);
        try (KafkaProducer<String, Envelope<?>> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new EnvelopeSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            sent.add(send(producer, new OperatorRecord(operatorId, 1, "Load " + runId,
                    new Address("Lindelaan 12", "3581 AB", "Utrecht", "NL"), "NL001234567B01", "12345678",
                    "NL91ABNA0417164300", "ABNANL2A", "load@evsettle.example", "Europe/Amsterdam", "EUR", "MONTHLY",
                    14, 14, "L" + runId, false, List.of("RESIDENT"), null, null, false, List.of(), List.of(), null, null,
                    List.of(), false, CHARGER_SETTINGS)));
            UUID siteId = UUID.randomUUID();
            for (int i = 0; i < chargers; i++) {
                sent.add(send(producer, new ChargerRecord(UUID.randomUUID(), 1, operatorId, siteId, chargePointId(i), 1,
                        "Zaptec", "Go2", "3.2.1.0", hash, "ACTIVE")));
                sent.add(send(producer, new CardRecord(UUID.randomUUID(), 1, operatorId, UUID.randomUUID(), idTag(i),
                        "card " + i, "ACTIVE", null, null)));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish the fleet's registry records to " + bootstrapServers, e);
        }
        System.out.printf("Provisioned operator %s with %d chargers and cards (run %s)%n", operatorId, chargers, runId);
    }

    private static <T extends Event> Future<RecordMetadata> send(KafkaProducer<String, Envelope<?>> producer, T record) {
        Envelope<?> envelope = Envelope.of(SOURCE, record);
        return producer.send(new ProducerRecord<>(envelope.topic(), envelope.subject(), envelope));
    }

}
