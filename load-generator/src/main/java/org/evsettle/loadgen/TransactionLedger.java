package org.evsettle.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.evsettle.events.EventJson;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.EnvelopeDeserializer;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.OcppEvent;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;

/**
 * Every transaction message the gateway answered (StartTransaction, MeterValues in a transaction,
 * StopTransaction; 2.0.1's TransactionEvent), kept by what identifies its event on {@code ocpp.events}: the
 * gateway answers them only once Kafka acknowledged the event, so after a run each one must be found there. A
 * message a charger sent again because its answer was lost (the gateway died in between) is in Kafka twice;
 * that is allowed (consumers keep events by their natural key) and counted.
 * <p>
 * A 1.6 message is found by the gateway's transactionId (and a sample by its timestamp and register). A 2.0.1
 * TransactionEvent becomes the same version-neutral events (Started: TransactionStarted, Updated:
 * MeterValuesSampled, Ended: TransactionStopped), found by the station's own transactionId and the event's
 * seqNo, which the gateway adds to them in a nullable field: {@link #stationTransactionKey} reads it.
 */
final class TransactionLedger {

    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    void started(String chargePointId, int transactionId) {
        answered.add(startKey(chargePointId, (long) transactionId));
    }

    void sampled(String chargePointId, int transactionId, Instant timestamp, String energyRegister) {
        answered.add(sampleKey(chargePointId, (long) transactionId, timestamp, energyRegister));
    }

    void stopped(String chargePointId, int transactionId) {
        answered.add(stopKey(chargePointId, (long) transactionId));
    }

    /** An answered 2.0.1 TransactionEvent: Started, Updated or Ended, of the station's own transactionId. */
    void transactionEvent(String chargePointId, String eventType, String stationTransactionId, int seqNo) {
        answered.add(transactionEventKey(chargePointId, eventType, stationTransactionId, seqNo));
    }

    int size() {
        return answered.size();
    }

    /**
     * The answered messages, as "action chargePointId transactionId [timestamp register]" (1.6) and
     * "TransactionEvent eventType chargePointId transactionId seqNo" (2.0.1).
     */
    Set<String> answered() {
        return Set.copyOf(answered);
    }

    /** What Kafka holds of the answered messages, read from the beginning of {@code ocpp.events}. */
    Check check(String bootstrapServers, String chargePointPrefix) {
        Map<String, Integer> inKafka = read(bootstrapServers, chargePointPrefix);
        List<String> missing = answered.stream().filter(key -> !inKafka.containsKey(key)).sorted()
                .collect(Collectors.toList());
        long repeated = inKafka.entrySet().stream().filter(entry -> answered.contains(entry.getKey()))
                .filter(entry -> entry.getValue() > 1).count();
        return new Check(answered.size(), answered.size() - missing.size(), missing, repeated);
    }

    /** The answered messages, those found on ocpp.events, the first missing ones, and those found more than once. */
    record Check(int answered, int found, List<String> missing, long repeated) {
        boolean complete() {
            return missing.isEmpty();
        }
    }

    private static Map<String, Integer> read(String bootstrapServers, String chargePointPrefix) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "load-generator-ledger-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, Integer> seen = new HashMap<>();
        EnvelopeDeserializer envelopes = new EnvelopeDeserializer();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.OCPP_EVENTS, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.value() == null) {
                        continue;
                    }
                    Object event = envelopes.deserialize(record.topic(), record.headers(), record.value()).data();
                    for (String key : keys(event, record.value(), chargePointPrefix)) {
                        seen.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        return seen;
    }

    /**
     * The ledger's keys of a transaction event of the run's chargers (its 1.6 key, and its 2.0.1 key when it
     * came from a TransactionEvent), none for any other record.
     */
    private static List<String> keys(Object event, byte[] json, String chargePointPrefix) {
        String eventType = event instanceof TransactionStarted ? "Started" : event instanceof MeterValuesSampled
                ? "Updated" : event instanceof TransactionStopped ? "Ended" : null;
        if (eventType == null || !((OcppEvent) event).chargePointId().startsWith(chargePointPrefix)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(2);
        String key = key(event, chargePointPrefix);
        if (key != null) {
            keys.add(key);
        }
        // independent of the 1.6 key: it needs neither the gateway's transactionId nor a meter value
        String stationKey = stationTransactionKey(((OcppEvent) event).chargePointId(), eventType, json);
        if (stationKey != null) {
            keys.add(stationKey);
        }
        return keys;
    }

    /** Where the gateway puts a 2.0.1 TransactionEvent's own identity on its events (a nullable field). */
    static final String STATION_TRANSACTION = "station";
    static final String STATION_TRANSACTION_ID = "stationTransactionId";
    static final String SEQ_NO = "seqNo";

    /**
     * The 2.0.1 key of a TransactionStarted, MeterValuesSampled or TransactionStopped that the gateway made of a
     * TransactionEvent, or null for one made of a 1.6 message. Read by name from the event's JSON
     * ({@code stationTransaction.stationTransactionId}, {@code stationTransaction.seqNo}), so that it does not
     * depend on the field's type in module events: the one place that knows it.
     */
    static String stationTransactionKey(String chargePointId, String eventType, byte[] json) {
        JsonNode station;
        try {
            station = EventJson.mapper().readTree(json).path(STATION_TRANSACTION);
        } catch (IOException e) {
            return null;
        }
        if (!station.hasNonNull(STATION_TRANSACTION_ID) || !station.hasNonNull(SEQ_NO)) {
            return null;
        }
        return transactionEventKey(chargePointId, eventType, station.get(STATION_TRANSACTION_ID).asText(),
                station.get(SEQ_NO).asInt());
    }

    /** The ledger's key of a transaction event of the run's chargers, or null for any other record. */
    private static String key(Object event, String chargePointPrefix) {
        if (event instanceof TransactionStarted started && started.chargePointId().startsWith(chargePointPrefix)) {
            return startKey(started.chargePointId(), started.transactionId());
        }
        if (event instanceof TransactionStopped stopped && stopped.chargePointId().startsWith(chargePointPrefix)) {
            return stopKey(stopped.chargePointId(), stopped.transactionId());
        }
        if (event instanceof MeterValuesSampled sampled && sampled.chargePointId().startsWith(chargePointPrefix)
                && sampled.transactionId() != null && !sampled.meterValue().isEmpty()) {
            MeterValue first = sampled.meterValue().get(0);
            String register = first.sampledValue().stream()
                    .filter(value -> "Energy.Active.Import.Register".equals(value.measurand()))
                    .map(SampledValue::value).findFirst().orElse("");
            return sampleKey(sampled.chargePointId(), sampled.transactionId(), first.timestamp(), register);
        }
        return null;
    }

    private static String startKey(String chargePointId, long transactionId) {
        return "StartTransaction " + chargePointId + " " + transactionId;
    }

    private static String sampleKey(String chargePointId, long transactionId, Instant timestamp, String register) {
        return "MeterValues " + chargePointId + " " + transactionId + " " + timestamp + " " + register;
    }

    private static String stopKey(String chargePointId, long transactionId) {
        return "StopTransaction " + chargePointId + " " + transactionId;
    }

    private static String transactionEventKey(String chargePointId, String eventType, String stationTransactionId,
                                              int seqNo) {
        return "TransactionEvent " + eventType + " " + chargePointId + " " + stationTransactionId + " " + seqNo;
    }
}
