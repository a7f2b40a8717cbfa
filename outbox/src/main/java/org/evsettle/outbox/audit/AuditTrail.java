package org.evsettle.outbox.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.evsettle.events.EventJson;
import org.hibernate.Session;

/**
 * The audit trail of every service (table {@code audit_entry}, the kit's migration 0.3): each
 * administrative change leaves an entry in the transaction of the change, so that the two cannot part.
 * Who is the token's subject and its name claim (never an e-mail); a change without a caller (a
 * scheduled job, a consumer) is the system's. What changed is kept masked ({@link AuditChanges}).
 */
@ApplicationScoped
public class AuditTrail {

    /** Who acts when no person does: a scheduled job, or a consumer of another service's events. */
    public static final String SYSTEM = "system";

    /** The filters of a read of the trail; null is any. */
    public record Filter(UUID operatorId, String entityType, String entityId, Instant from, Instant to) {
    }

    private static final String COLUMNS = "seq, id, operator_id, occurred_at, actor_subject, actor_name, entity_type,"
            + " entity_id, action, changes";

    private final EntityManager entityManager;
    private final Instance<JsonWebToken> token;
    private final Clock clock;

    public AuditTrail(EntityManager entityManager, Instance<JsonWebToken> token, Instance<Clock> clock) {
        this.entityManager = entityManager;
        this.token = token;
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
    }

    /** A change whose before and after states the caller knows (records or maps; null for created or deleted). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID operatorId, String entityType, Object entityId, String action, Object before,
                       Object after) {
        insert(operatorId, entityType, entityId.toString(), action, AuditChanges.between(before, after), null);
    }

    /**
     * A change of which only the new state is at hand (a registry entity after its change): what changed
     * is told against the state the entity's previous entry kept. The first entry of an entity is CREATED.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordState(UUID operatorId, String entityType, Object entityId, Object state) {
        String id = entityId.toString();
        Map<String, Object> after = AuditChanges.masked(state);
        Optional<Map<String, Object>> before = lastState(entityType, id);
        Map<String, AuditChanges.Change> changes = AuditChanges.betweenMasked(before.orElse(Map.of()), after);
        if (before.isPresent() && changes.isEmpty()) {
            return;
        }
        insert(operatorId, entityType, id, before.isPresent() ? "UPDATED" : "CREATED", changes, after);
    }

    /**
     * Erases what the entries of an entity held of a person (GDPR art. 17): every value before and after
     * becomes {@link AuditChanges#ERASED}; who changed which field when stays.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erasePersonalValues(String entityType, Object entityId) {
        return entityManager.createNativeQuery("""
                        UPDATE audit_entry SET state = NULL, changes = coalesce((
                            SELECT jsonb_object_agg(field, jsonb_build_object('before', cast(?3 AS text), 'after', cast(?3 AS text)))
                            FROM jsonb_object_keys(changes) AS field), '{}'::jsonb)
                        WHERE entity_type = ?1 AND entity_id = ?2""")
                .setParameter(1, entityType).setParameter(2, entityId.toString()).setParameter(3, AuditChanges.ERASED)
                .executeUpdate();
    }

    /** The entries that meet the filter, newest first; afterSeq is where the previous page ended. */
    @Transactional
    public List<AuditEntry> list(Filter filter, Long afterSeq, int limit) {
        return session().doReturningWork(connection -> {
            StringBuilder query = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE true");
            List<Object> parameters = new ArrayList<>();
            condition(query, parameters, " AND operator_id = ?", filter.operatorId());
            condition(query, parameters, " AND entity_type = ?", filter.entityType());
            condition(query, parameters, " AND entity_id = ?", filter.entityId());
            condition(query, parameters, " AND occurred_at >= ?", timestamp(filter.from()));
            condition(query, parameters, " AND occurred_at < ?", timestamp(filter.to()));
            condition(query, parameters, " AND seq < ?", afterSeq);
            query.append(" ORDER BY seq DESC LIMIT ?");
            parameters.add(limit);
            try (PreparedStatement select = connection.prepareStatement(query.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                return rows(select);
            }
        });
    }

    private void insert(UUID operatorId, String entityType, String entityId, String action,
                        Map<String, AuditChanges.Change> changes, Map<String, Object> state) {
        String[] actor = actor();
        Instant now = clock.instant();
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO audit_entry (id, operator_id, occurred_at, actor_subject, actor_name, entity_type,
                                             entity_id, action, changes, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), cast(? AS jsonb))""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, operatorId, java.sql.Types.OTHER);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setString(4, actor[0]);
                insert.setString(5, actor[1]);
                insert.setString(6, entityType);
                insert.setString(7, entityId);
                insert.setString(8, action);
                insert.setString(9, json(changes));
                insert.setString(10, state == null ? null : json(state));
                insert.executeUpdate();
            }
        });
    }

    /** Subject and name of the caller's token; the name claim only, and never an e-mail address. */
    private String[] actor() {
        if (!Arc.container().requestContext().isActive() || !token.isResolvable()) {
            return new String[] {SYSTEM, null};
        }
        JsonWebToken caller = token.get();
        if (caller.getSubject() == null) {
            return new String[] {SYSTEM, null};
        }
        Object name = caller.getClaim("name");
        String shown = name == null || name.toString().contains("@") ? null : name.toString();
        return new String[] {caller.getSubject(), shown};
    }

    private Optional<Map<String, Object>> lastState(String entityType, String entityId) {
        @SuppressWarnings("unchecked")
        List<Object> states = entityManager.createNativeQuery("""
                        SELECT cast(state AS text) FROM audit_entry WHERE entity_type = ?1 AND entity_id = ?2
                        ORDER BY seq DESC LIMIT 1""")
                .setParameter(1, entityType).setParameter(2, entityId).getResultList();
        // an entity whose entries were erased starts again from nothing it kept
        return states.stream().findFirst().map(state -> state == null ? Map.<String, Object>of()
                : AuditChanges.stored(state.toString()));
    }

    private static void condition(StringBuilder query, List<Object> parameters, String sql, Object value) {
        if (value != null) {
            query.append(sql);
            parameters.add(value);
        }
    }

    private static List<AuditEntry> rows(PreparedStatement select) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Timestamp at = row.getTimestamp("occurred_at");
                entries.add(new AuditEntry(row.getLong("seq"), row.getObject("id", UUID.class),
                        row.getObject("operator_id", UUID.class), at.toInstant(), row.getString("actor_subject"),
                        row.getString("actor_name"), row.getString("entity_type"), row.getString("entity_id"),
                        row.getString("action"), changes(row.getString("changes"))));
            }
        }
        return entries;
    }

    private static Map<String, AuditChanges.Change> changes(String json) {
        try {
            return json == null ? Map.of() : EventJson.mapper().readValue(json,
                    new TypeReference<LinkedHashMap<String, AuditChanges.Change>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored audit entry's changes", e);
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store an audit entry", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
