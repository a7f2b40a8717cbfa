package org.evsettle.outbox;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.invoices.InvoicePaid;
import org.evsettle.outbox.consumer.BatchEventConsumer;
import org.evsettle.outbox.consumer.Dependency;
import org.evsettle.outbox.consumer.EventConsumer;
import org.evsettle.outbox.consumer.EventDelivery;
import org.evsettle.outbox.consumer.NotArrivedYet;

/**
 * The test application's consumers: each applies an InvoicePaid once (recorded in applied_event), fails
 * as {@link Faults} plans, and waits (parks) while the invoice's operator is not known.
 */
public final class TestConsumers {

    public static final String EVENTS = "outbox-test.events";
    public static final String BATCHES = "outbox-test.batches";

    private TestConsumers() {
    }

    /** Applies one event for the consumer, as a real consumer would: depends on the operator, once per event id. */
    static void apply(String consumer, Envelope<?> envelope, Faults faults, ProcessedEvents processed,
                      EntityManager entityManager) {
        if (!(envelope.data() instanceof InvoicePaid paid)) {
            return;
        }
        faults.attempt(envelope.id());
        if (entityManager.find(KnownOperator.class, paid.operatorId()) == null) {
            throw new NotArrivedYet(Dependency.registry(EventCatalog.OPERATOR, paid.operatorId()),
                    "operator " + paid.operatorId() + " is not known yet");
        }
        if (processed.firstTime(consumer, envelope.id())) {
            entityManager.createNativeQuery("INSERT INTO applied_event (consumer, event_id, message_key) VALUES (?1, ?2, ?3)")
                    .setParameter(1, consumer).setParameter(2, envelope.id()).setParameter(3, envelope.subject())
                    .executeUpdate();
        }
    }

    /** Single events of test.events. */
    @ApplicationScoped
    public static class Events implements EventConsumer {

        private final EventDelivery delivery;
        private final Faults faults;
        private final ProcessedEvents processed;
        private final EntityManager entityManager;

        public Events(EventDelivery delivery, Faults faults, ProcessedEvents processed, EntityManager entityManager) {
            this.delivery = delivery;
            this.faults = faults;
            this.processed = processed;
            this.entityManager = entityManager;
        }

        @Incoming("test-events")
        @Blocking
        public void consume(ConsumerRecord<String, byte[]> record) {
            delivery.deliver(this, record);
        }

        @Override
        public String name() {
            return EVENTS;
        }

        @Override
        @Transactional
        public void apply(Envelope<?> event) {
            TestConsumers.apply(EVENTS, event, faults, processed, entityManager);
        }
    }

    /** Polls of test.batches, applied in one transaction each. */
    @ApplicationScoped
    public static class Batches implements BatchEventConsumer {

        private final EventDelivery delivery;
        private final Faults faults;
        private final ProcessedEvents processed;
        private final EntityManager entityManager;

        public Batches(EventDelivery delivery, Faults faults, ProcessedEvents processed, EntityManager entityManager) {
            this.delivery = delivery;
            this.faults = faults;
            this.processed = processed;
            this.entityManager = entityManager;
        }

        @Incoming("test-batches")
        @Blocking
        public void consume(ConsumerRecords<String, byte[]> records) {
            delivery.deliverAll(this, records);
        }

        @Override
        public String name() {
            return BATCHES;
        }

        @Override
        @Transactional
        public void applyAll(List<Envelope<?>> events) {
            events.forEach(event -> TestConsumers.apply(BATCHES, event, faults, processed, entityManager));
        }
    }
}
