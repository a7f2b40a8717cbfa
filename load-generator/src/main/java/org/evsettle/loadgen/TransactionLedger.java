package org.evsettle.loadgen;

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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.evsettle.events.Envelope;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.EnvelopeDeserializer;
import org.evsettle.events.ocpp.MeterValue;
import org.evsettle.events.ocpp.MeterValuesSampled;
import org.evsettle.events.ocpp.SampledValue;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.ocpp.TransactionStopped;

/**
 * Every transaction message the gateway answered (StartTransaction, MeterValues in a transaction,
 * StopTransaction), kept by what identifies its event on {@code ocpp.events}: the gateway answers them
 * only once Kafka acknowledged the event, so after a run each one must be found there. A message a
 * charger sent again because its answer was lost (the gateway died in between) is in Kafka twice; that
 * is allowed (consumers keep events by their natural key) and counted.
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

    int size() {
        return answered.size();
    }

    /** The answered messages, as "action chargePointId transactionId [timestamp register]". */
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
        try (KafkaConsumer<String, Envelope<?>> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new EnvelopeDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.OCPP_EVENTS, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, Envelope<?>> record : consumer.poll(Duration.ofSeconds(1))) {
                    String key = record.value() == null ? null : key(record.value().data(), chargePointPrefix);
                    if (key != null) {
                        seen.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        return seen;
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
}
