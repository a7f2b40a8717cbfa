package org.evsettle.outbox.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many records each consumer holds in quarantine (unresolved) and in parking, as gauges an alert
 * can watch ({@code evsettle_consumer_quarantine_held}, {@code evsettle_consumer_parking_held}); counted
 * from the tables every half minute, so they are right after a restart and across replicas.
 */
@ApplicationScoped
public class HeldEventGauges {

    private final Quarantine quarantine;
    private final ParkedEvents parked;
    private final Consumers consumers;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> quarantined = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> parking = new ConcurrentHashMap<>();

    public HeldEventGauges(Quarantine quarantine, ParkedEvents parked, Consumers consumers, MeterRegistry meters) {
        this.quarantine = quarantine;
        this.parked = parked;
        this.consumers = consumers;
        this.meters = meters;
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            update(quarantined, "evsettle.consumer.quarantine.held", quarantine.heldByConsumer());
            update(parking, "evsettle.consumer.parking.held", parked.parkedByConsumer());
        } catch (RuntimeException e) {
            Log.debugf("Held events not counted this time: %s", e.toString());
        }
    }

    private void update(Map<String, AtomicLong> gauges, String name, Map<String, Long> counts) {
        consumers.names().forEach(consumer -> gauge(gauges, name, consumer));
        counts.keySet().forEach(consumer -> gauge(gauges, name, consumer));
        gauges.forEach((consumer, value) -> value.set(counts.getOrDefault(consumer, 0L)));
    }

    private void gauge(Map<String, AtomicLong> gauges, String name, String consumer) {
        gauges.computeIfAbsent(consumer, c -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tag("consumer", c).register(meters);
            return value;
        });
    }
}
