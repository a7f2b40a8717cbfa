package org.evsettle.outbox.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.outbox.audit.AuditChanges;
import org.evsettle.outbox.audit.AuditEntry;
import org.evsettle.outbox.audit.AuditTrail;

/**
 * The audit trail of this service's administrative changes: an operator's admins read their operator's
 * entries, platform admins every operator's ({@link PlatformAuditResource}). Newest first, keyset paged
 * like every list. The class's path is the whole list's, so that no service's own
 * {@code /api/operators/{operatorId}} resource takes its requests.
 */
@Path("/api/operators/{operatorId}/audit-entries")
@Tag(name = "Audit trail", description = "Who changed what, when: the administrative changes made in this service")
public class AuditResource {

    private static final Keyset BY_SEQ = Keyset.of(Keyset.descending("seq", Long.class));

    /** One entry as an admin reads it; changes maps each changed field to its value before and after. */
    public record AuditEntryView(UUID id, UUID operatorId, Instant occurredAt, String actorSubject, String actorName,
                                 String entityType, String entityId, String action,
                                 Map<String, AuditChanges.Change> changes) {
        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id(), e.operatorId(), e.occurredAt(), e.actorSubject(), e.actorName(),
                    e.entityType(), e.entityId(), e.action(), e.changes());
        }
    }

    private final AuditTrail trail;
    private final Caller caller;

    public AuditResource(AuditTrail trail, Caller caller) {
        this.trail = trail;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "List an operator's audit entries",
            description = "The administrative changes made for the operator in this service, newest first;"
                    + " optionally of one entity type or entity, and from (inclusive) to (exclusive) two instants."
                    + " Admins of the operator and platform admins; another operator's answers 404.")
    @APIResponse(responseCode = "400", description = "An instant that is not ISO-8601, or a bad limit or cursor")
    @APIResponse(responseCode = "404", description = "Not the caller's operator")
    public Page<AuditEntryView> ofOperator(
            @Parameter(description = "The operator's id") @PathParam("operatorId") UUID operatorId,
            @Parameter(description = "Only entries of this entity type", example = "Driver")
            @QueryParam("entityType") String entityType,
            @Parameter(description = "Only entries of this entity") @QueryParam("entityId") String entityId,
            @Parameter(description = "Only entries at or after this instant", example = "2026-01-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Only entries before this instant", example = "2026-02-01T00:00:00Z")
            @QueryParam("to") String to,
            @BeanParam PageRequest page) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return page(trail, operatorId, entityType, entityId, from, to, page);
    }

    /** A page of the entries that meet the filters: of one operator, or of all (null). */
    static Page<AuditEntryView> page(AuditTrail trail, UUID operatorId, String entityType, String entityId,
                                     String from, String to, PageRequest page) {
        AuditTrail.Filter filter = new AuditTrail.Filter(operatorId, blankToNull(entityType), blankToNull(entityId),
                instant("from", from), instant("to", to));
        int limit = page.limit();
        Long after = BY_SEQ.position(page.cursor()).map(key -> (Long) key.get(0)).orElse(null);
        List<AuditEntry> fetched = trail.list(filter, after, limit + 1);
        return BY_SEQ.page(fetched, limit, entry -> List.of(entry.seq())).map(AuditEntryView::of);
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
