package org.evsettle.gateway.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evsettle.events.Topics;
import org.evsettle.events.kafka.EnvelopeRecords;
import org.evsettle.events.registry.RegistryChange;
import org.evsettle.gateway.RegistryProjection;

/**
 * Feeds the {@link RegistryProjection} from the compacted registry topics: reads them completely
 * from the beginning at start-up, marks the projection ready once it reached the end offsets seen
 * at start, then keeps following. A malformed record is skipped, logged and counted
 * ({@code evsettle.registry.malformed}, by topic): the projection lives in memory and is rebuilt at
 * every start, so there is nothing to quarantine it in, and a charger must not wait for it.
 */
@ApplicationScoped
public class RegistryFollower {

    static final List<String> TOPICS = List.of(Topics.REGISTRY_OPERATORS, Topics.REGISTRY_SITES,
            Topics.REGISTRY_CHARGERS, Topics.REGISTRY_CARDS);

    private final RegistryProjection projection;
    private final Map<String, Counter> malformed;
    private final PartitionReader reader;

    public RegistryFollower(RegistryProjection projection, MeterRegistry meters,
                            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.projection = projection;
        this.malformed = TOPICS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                topic -> Counter.builder("evsettle.registry.malformed")
                        .description("Registry records skipped because they are not a record their topic can carry")
                        .tag("topic", topic)
                        .register(meters)));
        this.reader = new PartitionReader("registry-follower", TOPICS, PartitionReader.Start.BEGINNING, kafka,
                this::apply, this::caughtUp);
    }

    void start(@Observes StartupEvent startup) {
        reader.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        reader.stop();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        RegistryChange change = projection.apply(record.topic(), record.key(), EnvelopeRecords.read(record));
        if (change instanceof RegistryChange.Malformed skipped) {
            Log.warnf("Skipped malformed registry record %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), skipped.reason());
            malformed.get(record.topic()).increment();
        }
    }

    private void caughtUp() {
        projection.markReady();
        Log.info("The registry projection caught up: chargers may connect");
    }
}
