package org.evsettle.outbox.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One administrative change as the audit trail keeps it: who, when, for which operator, what, and what changed. */
public record AuditEntry(long seq, UUID id, UUID operatorId, Instant occurredAt, String actorSubject, String actorName,
                         String entityType, String entityId, String action, Map<String, AuditChanges.Change> changes) {
}
