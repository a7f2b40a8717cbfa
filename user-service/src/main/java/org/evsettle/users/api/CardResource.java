package org.evsettle.users.api;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Card;
import org.evsettle.users.CardBlock;
import org.evsettle.users.CardBlocking;
import org.evsettle.users.CardIdTag;
import org.evsettle.users.Driver;
import org.evsettle.users.Operator;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * Charge cards: issued to an operator's drivers, blocked and unblocked by admins, reported lost by
 * admins or by the driver; a driver sees their own.
 */
@Path("/api")
@Tag(name = "Charge cards")
public class CardResource {

    /** A card as a client issues it: idTag as printed or as a charger reads it, normalized on the way in. */
    public record CardForm(
            @NotNull UUID driverId,
            @Schema(description = "MIFARE UID in hex (any case, with or without : - or space, nfc- prefix) or any OCPP idTag")
            @NotBlank @Size(max = 40) String idTag,
            @Size(max = 100) String label,
            @Schema(description = "Last day the card authorizes (inclusive, operator's time zone)") LocalDate validUntil) {
    }

    /** What an admin may change on an issued card: its holder, label and validity. */
    public record CardChange(@NotNull UUID driverId, @Size(max = 100) String label, LocalDate validUntil) {
    }

    /** Why a card is blocked or reported lost, in words people read. */
    public record StatusChange(@Size(max = 200) String reason) {
    }

    /** A card as the API shows it; blockCause says what blocked a BLOCKED card (ADMIN, OVERDUE_INVOICE, INACTIVE_DRIVER). */
    public record CardView(UUID id, long revision, UUID operatorId, UUID driverId, String idTag, String label,
                           String status, String statusReason, String blockCause, LocalDate validUntil) {
        static CardView of(Card c) {
            return new CardView(c.id, c.revision, c.operatorId, c.driverId, c.idTag, c.label, c.status,
                    c.statusReason, c.blockCause, c.validUntil);
        }
    }

    private final OperatorScope operators;
    private final Caller caller;
    private final CallingDriver callingDriver;
    private final RegistryPublisher registry;
    private final CardBlocking cardBlocking;
    private final Clock clock;

    public CardResource(OperatorScope operators, Caller caller, CallingDriver callingDriver, RegistryPublisher registry,
                        CardBlocking cardBlocking, Clock clock) {
        this.operators = operators;
        this.caller = caller;
        this.callingDriver = callingDriver;
        this.registry = registry;
        this.cardBlocking = cardBlocking;
        this.clock = clock;
    }

    @POST
    @Path("/operators/{operatorId}/cards")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Issue a charge card to a driver",
            description = "The idTag is unique per operator in its normal form (409 otherwise). The card starts "
                    + "ACTIVE, or BLOCKED when the driver is inactive or has an invoice overdue that blocks cards.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response issue(@PathParam("operatorId") UUID operatorId, @NotNull @Valid CardForm form) {
        Operator operator = operators.require(operatorId);
        Driver driver = driverOf(operatorId, form.driverId());
        String idTag = CardIdTag.normalize(form.idTag());
        CardIdTag.brokenRule(idTag).ifPresent(rule -> {
            throw DomainException.invalid("idTag", rule);
        });
        requireFutureValidity(operator, form.validUntil());
        if (Card.count("operatorId = ?1 and idTag = ?2", operatorId, idTag) > 0) {
            throw DomainException.conflict("Card " + idTag + " is already registered with this operator");
        }
        Card card = new Card();
        card.id = UUID.randomUUID();
        card.operatorId = operatorId;
        card.driverId = driver.id;
        card.idTag = idTag;
        card.label = blankToNull(form.label());
        card.validUntil = form.validUntil();
        cardBlocking.settle(card, driver);
        card.persist();
        registry.changed(card);
        return Response.created(URI.create("/api/cards/" + card.id)).entity(CardView.of(card)).build();
    }

    @GET
    @Path("/operators/{operatorId}/cards")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "List an operator's cards", description = "By idTag; optionally of one driver or one status.")
    public List<CardView> list(@PathParam("operatorId") UUID operatorId, @QueryParam("driverId") UUID driverId,
                               @QueryParam("status") Card.Status status) {
        operators.require(operatorId);
        StringBuilder query = new StringBuilder("operatorId = :operator");
        Parameters parameters = Parameters.with("operator", operatorId);
        if (driverId != null) {
            query.append(" and driverId = :driver");
            parameters.and("driver", driverId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status.name());
        }
        return Card.<Card>list(query.toString(), Sort.by("idTag"), parameters).stream().map(CardView::of).toList();
    }

    @GET
    @Path("/cards/{cardId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "Read a card", description = "Admins of the card's operator, or the driver who holds it.")
    public CardView get(@PathParam("cardId") UUID cardId) {
        return CardView.of(Card.byId(cardId).filter(c -> callingDriver.maySee(c.operatorId, c.driverId))
                .orElseThrow(() -> DomainException.notFound("Card", cardId)));
    }

    @PUT
    @Path("/cards/{cardId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Change a card's holder, label or validity",
            description = "An EXPIRED card given a validUntil of today or later is usable again.")
    public CardView change(@PathParam("cardId") UUID cardId, @NotNull @Valid CardChange change) {
        Card card = administered(cardId);
        Operator operator = Operator.byId(card.operatorId).orElseThrow();
        Driver driver = driverOf(card.operatorId, change.driverId());
        if (!Objects.equals(change.validUntil(), card.validUntil)) {
            requireFutureValidity(operator, change.validUntil());
        }
        boolean newHolder = !driver.id.equals(card.driverId);
        card.driverId = driver.id;
        card.label = blankToNull(change.label());
        card.validUntil = change.validUntil();
        // a renewed card, or one handed to another driver, takes the status that driver's cards have
        boolean renewed = card.is(Card.Status.EXPIRED) && card.isValidOn(operator.today(clock.instant()));
        if (renewed || (newHolder && (card.is(Card.Status.ACTIVE) || card.isBlockedBy(CardBlock.Cause.OVERDUE_INVOICE)
                || card.isBlockedBy(CardBlock.Cause.INACTIVE_DRIVER)))) {
            cardBlocking.settle(card, driver);
        }
        registry.changed(card);
        return CardView.of(card);
    }

    @POST
    @Path("/cards/{cardId}/block")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Block a card", description = "Stays blocked until an admin unblocks it; payments do not lift it.")
    @APIResponse(responseCode = "409", description = "The card is lost or expired")
    public CardView block(@PathParam("cardId") UUID cardId, @Valid StatusChange change) {
        Card card = administered(cardId);
        if (card.is(Card.Status.LOST) || card.is(Card.Status.EXPIRED)) {
            throw DomainException.conflict("Card " + card.idTag + " is " + card.status + "; it cannot be blocked");
        }
        card.block(CardBlock.byAdmin(change == null ? null : change.reason()));
        registry.changed(card);
        return CardView.of(card);
    }

    @POST
    @Path("/cards/{cardId}/unblock")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Unblock a blocked card",
            description = "Lifts an admin's block, and may waive a block for an overdue invoice (until its next "
                    + "reminder). A card blocked because its driver is inactive is unblocked by reactivating the driver.")
    @APIResponse(responseCode = "409", description = "The card is not blocked, or its driver is inactive")
    public CardView unblock(@PathParam("cardId") UUID cardId) {
        Card card = administered(cardId);
        if (!card.is(Card.Status.BLOCKED)) {
            throw DomainException.conflict("Card " + card.idTag + " is " + card.status + ", not BLOCKED");
        }
        if (card.isBlockedBy(CardBlock.Cause.INACTIVE_DRIVER)) {
            throw DomainException.conflict("Card " + card.idTag + " is blocked because its driver is inactive;"
                    + " reactivate the driver instead");
        }
        card.activate();
        registry.changed(card);
        return CardView.of(card);
    }

    @POST
    @Path("/cards/{cardId}/lost")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Report a card lost", description = "Blocks it at once and for good (status LOST).")
    @APIResponse(responseCode = "409", description = "The card is already reported lost")
    public CardView reportLost(@PathParam("cardId") UUID cardId, @Valid StatusChange change) {
        Card card = administered(cardId);
        card.reportLost(change == null || change.reason() == null || change.reason().isBlank()
                ? "reported lost by an administrator" : change.reason().trim());
        registry.changed(card);
        return CardView.of(card);
    }

    @GET
    @Path("/me/cards")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "The calling driver's own cards")
    public List<CardView> mine() {
        return Card.ofDriver(callingDriver.require().id).stream().map(CardView::of).toList();
    }

    @POST
    @Path("/me/cards/{cardId}/lost")
    @RolesAllowed(Roles.DRIVER)
    @Transactional
    @Operation(summary = "Report one of my cards lost", description = "Blocks it at once and for good (status LOST).")
    @APIResponse(responseCode = "404", description = "Not a card of the calling driver")
    @APIResponse(responseCode = "409", description = "The card is already reported lost")
    public CardView reportMineLost(@PathParam("cardId") UUID cardId) {
        Driver me = callingDriver.require();
        Card card = Card.byId(cardId).filter(c -> c.driverId.equals(me.id) && c.operatorId.equals(me.operatorId))
                .orElseThrow(() -> DomainException.notFound("Card", cardId));
        card.reportLost("reported lost by the driver");
        registry.changed(card);
        return CardView.of(card);
    }

    private Card administered(UUID cardId) {
        return Card.byId(cardId).filter(c -> caller.administers(c.operatorId))
                .orElseThrow(() -> DomainException.notFound("Card", cardId));
    }

    private static Driver driverOf(UUID operatorId, UUID driverId) {
        return Driver.byId(driverId).filter(d -> d.operatorId.equals(operatorId))
                .orElseThrow(() -> DomainException.invalid("driverId", "is not a driver of this operator"));
    }

    private void requireFutureValidity(Operator operator, LocalDate validUntil) {
        if (validUntil != null && validUntil.isBefore(operator.today(clock.instant()))) {
            throw DomainException.invalid("validUntil", "must be today or later in the operator's time zone");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
