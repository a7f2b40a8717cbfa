package org.evsettle.sessions.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The bulk form of {@code ProcessedEvents.firstTime}: records a whole batch of event ids for a
 * consumer in the caller's transaction with one statement (same table, same meaning), and answers
 * which of them it had not seen before.
 */
@ApplicationScoped
public class FirstDeliveries {

    private final EntityManager entityManager;

    public FirstDeliveries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> of(String consumer, Collection<UUID> eventIds) {
        Set<UUID> fresh = new HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            Array ids = connection.createArrayOf("uuid", eventIds.toArray());
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (consumer, event_id) SELECT ?, id FROM unnest(?) AS id
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, ids);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getObject(1, UUID.class));
                    }
                }
            } finally {
                ids.free();
            }
        });
        return fresh;
    }
}
