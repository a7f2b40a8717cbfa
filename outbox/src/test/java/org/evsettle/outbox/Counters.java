package org.evsettle.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evsettle.events.Envelope;
import org.evsettle.events.invoices.InvoicePaid;

/** An aggregate of the tests whose every change is announced through the outbox, numbered per key. */
@ApplicationScoped
public class Counters {

    private final EntityManager entityManager;
    private final Outbox outbox;

    public Counters(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    /** One change of a key, announced in its transaction after the row is locked: as every service does. */
    public void change(UUID key) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO counter (id, value) VALUES (?1, 0) ON CONFLICT DO NOTHING")
                    .setParameter(1, key.toString()).executeUpdate();
            long value = ((Number) entityManager.createNativeQuery(
                            "UPDATE counter SET value = value + 1 WHERE id = ?1 RETURNING value")
                    .setParameter(1, key.toString()).getSingleResult()).longValue();
            outbox.publish(Envelope.of("outbox-test", new InvoicePaid(key, UUID.randomUUID(), UUID.randomUUID(),
                    String.valueOf(value), LocalDate.parse("2026-03-01"), BigDecimal.ONE)));
        });
    }

    /** The number of the change a sent record announces. */
    public static long numberIn(ConsumerRecord<String, byte[]> record) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        int at = json.indexOf("\"number\":\"") + 10;
        return Long.parseLong(json.substring(at, json.indexOf('"', at)));
    }
}
