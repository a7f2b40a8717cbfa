package org.evsettle.outbox.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.outbox.consumer.EventDelivery;
import org.evsettle.outbox.consumer.ParkedEvent;
import org.evsettle.outbox.consumer.ParkedEvents;
import org.evsettle.outbox.consumer.Quarantine;
import org.evsettle.outbox.consumer.QuarantinedEvent;

/**
 * The records this service's consumers could not apply, for platform admins: those in quarantine, to
 * replay once the cause is fixed (idempotent: a record is applied at most once more) or to discard
 * with a reason, and those parked until what they depend on arrives.
 */
@Path("/api")
@Tag(name = "Quarantined and parked events")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class QuarantineResource {

    private static final Keyset BY_ID = Keyset.of(Keyset.descending("id", Long.class));
    private static final Keyset BY_SEQ = Keyset.of(Keyset.ascending("seq", Long.class));

    /** A quarantined record as an admin reads it; value is its JSON (base64 when it is not text). */
    public record QuarantinedView(long id, String consumer, String topic, int partition, long offset, String key,
                                  UUID eventId, String type, String reason, int attempts,
                                  @Schema(enumeration = {"QUARANTINED", "REPLAYED", "DISCARDED"}) String status,
                                  Instant quarantinedAt, Instant resolvedAt, String resolvedBy, String resolution,
                                  String value) {
        static QuarantinedView of(QuarantinedEvent event) {
            return new QuarantinedView(event.id(), event.consumer(), event.topic(), event.partition(), event.offset(),
                    event.key(), event.eventId(), event.type(), event.reason(), event.attempts(), event.status().name(),
                    event.quarantinedAt(), event.resolvedAt(), event.resolvedBy(), event.resolution(), event.valueText());
        }
    }

    /** What a replay did: APPLIED, PARKED (it waits for a dependency now), FAILED (still quarantined) or UNCHANGED. */
    public record ReplayView(@Schema(enumeration = {"APPLIED", "PARKED", "FAILED", "UNCHANGED"}) String outcome,
                             String detail, QuarantinedView event) {
    }

    /** The outcome of replaying every quarantined record of a consumer. */
    public record ReplayAllView(int applied, int parked, int failed, List<ReplayView> failures) {
    }

    /** Why a record is given up. */
    public record DiscardForm(@NotBlank @Size(max = 500)
                              @Schema(example = "Test record published by hand; nothing to apply") String reason) {
    }

    /** A parked record as an admin reads it: what it waits for. */
    public record ParkedView(long seq, String consumer, String topic, int partition, long offset, String key,
                             UUID eventId, String type,
                             @Schema(description = "What it waits for; absent when it waits only behind an earlier record of its key",
                                     example = "evsettle.registry.operator.v1/8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f")
                             String awaits,
                             boolean arrived, Instant parkedAt, Instant triedAt) {
        static ParkedView of(ParkedEvent event) {
            return new ParkedView(event.seq(), event.consumer(), event.topic(), event.partition(), event.offset(),
                    event.key(), event.eventId(), event.type(), event.awaits(), event.arrived(), event.parkedAt(),
                    event.triedAt());
        }
    }

    private final Quarantine quarantine;
    private final ParkedEvents parked;
    private final EventDelivery delivery;
    private final Caller caller;

    public QuarantineResource(Quarantine quarantine, ParkedEvents parked, EventDelivery delivery, Caller caller) {
        this.quarantine = quarantine;
        this.parked = parked;
        this.delivery = delivery;
        this.caller = caller;
    }

    @GET
    @Path("/quarantined-events")
    @Operation(summary = "List quarantined records",
            description = "The records this service's consumers could not apply after their bounded attempts, or could"
                    + " not read, newest first; each also went to the consumer's dead-letter topic dlq.<consumer>.")
    public Page<QuarantinedView> list(
            @Parameter(description = "Only this consumer's records", example = "invoice-service.prices")
            @QueryParam("consumer") String consumer,
            @Parameter(description = "Only records in this state (default: all)") @QueryParam("status")
            QuarantinedEvent.Status status,
            @BeanParam PageRequest page) {
        int limit = page.limit();
        Long after = BY_ID.position(page.cursor()).map(key -> (Long) key.get(0)).orElse(null);
        List<QuarantinedEvent> fetched = quarantine.list(blankToNull(consumer), status, after, limit + 1);
        return BY_ID.page(fetched, limit, event -> List.of(event.id())).map(QuarantinedView::of);
    }

    @GET
    @Path("/quarantined-events/{id}")
    @Operation(summary = "Read a quarantined record", description = "With its value as it was consumed, and its reason.")
    @APIResponse(responseCode = "404", description = "No such quarantined record")
    public QuarantinedView get(@Parameter(description = "The record's id in quarantine") @PathParam("id") long id) {
        return QuarantinedView.of(held(id));
    }

    @POST
    @Path("/quarantined-events/{id}/replay")
    @Operation(summary = "Replay a quarantined record",
            description = "Applies the record once more, now. APPLIED or PARKED marks it REPLAYED by the caller;"
                    + " a record that fails again stays QUARANTINED with the new reason (answered 422). Replaying a"
                    + " record that is no longer QUARANTINED changes nothing (UNCHANGED): a record is applied at"
                    + " most once more.")
    @APIResponse(responseCode = "200", description = "Applied, parked, or unchanged")
    @APIResponse(responseCode = "404", description = "No such quarantined record")
    @APIResponse(responseCode = "422", description = "The replay failed; the record stays quarantined")
    public ReplayView replay(@Parameter(description = "The record's id in quarantine") @PathParam("id") long id) {
        ReplayView outcome = replayOne(held(id));
        if (outcome.outcome().equals(EventDelivery.Replay.Result.FAILED.name())) {
            throw DomainException.unprocessable("The replay of quarantined record " + id + " failed; it stays"
                    + " quarantined: " + outcome.detail());
        }
        return outcome;
    }

    @POST
    @Path("/quarantined-events/replay")
    @Operation(summary = "Replay every quarantined record of a consumer",
            description = "Oldest first, as they came; each as a single replay would. Those that fail again stay"
                    + " quarantined and are listed.")
    public ReplayAllView replayAll(
            @Parameter(description = "The consumer whose records to replay", required = true, example = "invoice-service.prices")
            @QueryParam("consumer") String consumer) {
        if (consumer == null || consumer.isBlank()) {
            throw DomainException.invalid("consumer", "must name the consumer whose records to replay");
        }
        List<QuarantinedEvent> waiting = new ArrayList<>();
        Long after = null;
        List<QuarantinedEvent> page;
        do {
            page = quarantine.list(consumer.trim(), QuarantinedEvent.Status.QUARANTINED, after, PageRequest.MAX_LIMIT);
            waiting.addAll(page);
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == PageRequest.MAX_LIMIT);
        int applied = 0;
        int parkedCount = 0;
        List<ReplayView> failures = new ArrayList<>();
        for (int i = waiting.size() - 1; i >= 0; i--) {
            ReplayView outcome = replayOne(waiting.get(i));
            switch (EventDelivery.Replay.Result.valueOf(outcome.outcome())) {
                case APPLIED -> applied++;
                case PARKED -> parkedCount++;
                case FAILED -> failures.add(outcome);
                case UNCHANGED -> { }
            }
        }
        return new ReplayAllView(applied, parkedCount, failures.size(), failures);
    }

    @POST
    @Path("/quarantined-events/{id}/discard")
    @Operation(summary = "Discard a quarantined record",
            description = "Gives the record up for good, with the reason, by the caller; it stays listed as DISCARDED.")
    @APIResponse(responseCode = "404", description = "No such quarantined record")
    @APIResponse(responseCode = "409", description = "The record was replayed already")
    public QuarantinedView discard(@Parameter(description = "The record's id in quarantine") @PathParam("id") long id,
                                   @Valid @NotNull DiscardForm form) {
        held(id);
        return QuarantinedView.of(quarantine.discard(id, caller.name(), form.reason().trim()));
    }

    @GET
    @Path("/parked-events")
    @Operation(summary = "List parked records",
            description = "Records waiting for what they depend on (an operator the registry has not told about yet),"
                    + " oldest first; they are applied by themselves once it arrives.")
    public Page<ParkedView> parked(
            @Parameter(description = "Only this consumer's records", example = "invoice-service.prices")
            @QueryParam("consumer") String consumer,
            @BeanParam PageRequest page) {
        int limit = page.limit();
        Long after = BY_SEQ.position(page.cursor()).map(key -> (Long) key.get(0)).orElse(null);
        List<ParkedEvent> fetched = parked.list(blankToNull(consumer), after, limit + 1);
        return BY_SEQ.page(fetched, limit, event -> List.of(event.seq())).map(ParkedView::of);
    }

    private ReplayView replayOne(QuarantinedEvent event) {
        EventDelivery.Replay replay = delivery.replay(event, caller.name());
        return new ReplayView(replay.result().name(), replay.detail(), QuarantinedView.of(held(event.id())));
    }

    private QuarantinedEvent held(long id) {
        return quarantine.find(id).orElseThrow(() -> DomainException.notFound("Quarantined record", id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
