package org.evsettle.outbox.registry;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.outbox.consumer.ConsumedRecord;
import org.evsettle.outbox.consumer.EventConsumer;
import org.evsettle.outbox.consumer.EventDelivery;

/**
 * Reads the registry topics a service keeps, on one channel ({@value #CHANNEL}, its {@code topics} the
 * tables' topics), as records of bytes so that tombstones and unreadable values reach the policy too,
 * and applies them to the {@link RegistryProjection} under the failure policy. A service that keeps a
 * copy of the registry switches it on with {@code evsettle.registry.projected=true} and produces its
 * {@link KeptRegistry}.
 */
@ApplicationScoped
@IfBuildProperty(name = "evsettle.registry.projected", stringValue = "true")
public class RegistryConsumer implements EventConsumer {

    public static final String CHANNEL = "registry";

    private final EventDelivery delivery;
    private final RegistryProjection projection;
    private final KeptRegistry kept;
    private final String name;
    private final String topics;

    public RegistryConsumer(EventDelivery delivery, RegistryProjection projection, KeptRegistry kept,
                            @ConfigProperty(name = "quarkus.application.name") String application,
                            @ConfigProperty(name = "mp.messaging.incoming." + CHANNEL + ".topics") String topics) {
        this.delivery = delivery;
        this.projection = projection;
        this.kept = kept;
        this.name = application + ".registry";
        this.topics = topics;
    }

    /** The channel must read the topics of exactly the tables kept: a table without its topic would stay empty. */
    void check(@Observes StartupEvent startup) {
        Set<String> read = new HashSet<>(Arrays.stream(topics.split(",")).map(String::trim).toList());
        if (!read.equals(new HashSet<>(kept.topics()))) {
            throw new IllegalStateException("mp.messaging.incoming." + CHANNEL + ".topics is " + read
                    + " but the registry kept here is on " + kept.topics());
        }
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(this, record);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    @Transactional
    public void apply(ConsumedRecord record) {
        projection.apply(record.topic(), record.key(), record.envelope());
    }

    /** A registry record needs its topic and key; applied without them (never by the policy), it is refused. */
    @Override
    public void apply(Envelope<?> event) {
        throw new UnsupportedOperationException("A registry record is applied with its topic and key");
    }
}
