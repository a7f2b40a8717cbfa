package org.evsettle.users.api;

import static org.evsettle.users.api.ApiText.ADMINS;
import static org.evsettle.users.api.ApiText.CARD_EXAMPLE;
import static org.evsettle.users.api.ApiText.CARD_ID;
import static org.evsettle.users.api.ApiText.DRIVER_EXAMPLE;
import static org.evsettle.users.api.ApiText.OPERATOR_EXAMPLE;
import static org.evsettle.users.api.ApiText.OPERATOR_ID;
import static org.evsettle.users.api.ApiText.PAGED;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Card;
import org.evsettle.users.CardLifecycle;
import org.evsettle.users.Driver;
import org.evsettle.users.Operator;

/**
 * Charge cards: issued to an operator's drivers, blocked and unblocked by admins, reported lost by
 * admins or by the driver; a driver sees their own. A change is one transaction, from the look-up
 * that scopes it to the record in the outbox.
 */
@Path("/api")
@Tag(name = "Charge cards", description = "RFID cards of an operator's drivers and their statuses")
public class CardResource {

    private static final String ADMINS_OF_CARD = " Admins of the card's operator; another operator's card answers 404.";

    /** A card as a client issues it: idTag as printed or as a charger reads it, normalized on the way in. */
    public record CardForm(
            @Schema(description = "A driver of the operator", example = DRIVER_EXAMPLE) @NotNull UUID driverId,
            @Schema(description = "MIFARE UID in hex (any case, with or without : - or space, nfc- prefix) or any"
                    + " OCPP idTag; unique per operator in its normal form", example = "nfc-04:a2:b3:c4:d5:e6:80")
            @NotBlank @Size(max = 40) String idTag,
            @Schema(example = "Anna's blue card") @Size(max = 100) String label,
            @Schema(description = "Last day the card authorizes (inclusive, operator's time zone); left out, no end",
                    example = "2027-12-31") LocalDate validUntil) {
    }

    /** What an admin may change on an issued card: its holder, label and validity. */
    public record CardChange(
            @Schema(description = "A driver of the operator; another one hands the card over", example = DRIVER_EXAMPLE)
            @NotNull UUID driverId,
            @Schema(example = "Anna's blue card") @Size(max = 100) String label,
            @Schema(description = "Last day the card authorizes (inclusive, operator's time zone); left out, no end",
                    example = "2027-12-31") LocalDate validUntil) {
    }

    /** Why a card is blocked or reported lost, in words people read. */
    public record StatusChange(
            @Schema(description = "Shown as the card's statusReason", example = "lost at the parking garage")
            @Size(max = 200) String reason) {
    }

    /** A card as the API shows it; blockCause says what blocked a BLOCKED card (ADMIN, OVERDUE_INVOICE, INACTIVE_DRIVER). */
    public record CardView(UUID id, long revision, UUID operatorId, UUID driverId, String idTag, String label,
                           String status, String statusReason, String blockCause, LocalDate validUntil) {
        static CardView of(Card c) {
            return new CardView(c.id, c.revision, c.operatorId, c.driverId, c.idTag, c.label, c.status,
                    c.statusReason, c.blockCause, c.validUntil);
        }
    }

    private final Caller caller;
    private final CallingDriver callingDriver;
    private final CardLifecycle cards;

    public CardResource(Caller caller, CallingDriver callingDriver, CardLifecycle cards) {
        this.caller = caller;
        this.callingDriver = callingDriver;
        this.cards = cards;
    }

    @POST
    @Path("/operators/{operatorId}/cards")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Issue a charge card to a driver",
            description = "The idTag is stored in its normal form (nfc-04:a2:b3:c4:d5:e6:80 is 04A2B3C4D5E680),"
                    + " unique per operator. The card starts ACTIVE, or BLOCKED when the driver is inactive or has"
                    + " an invoice overdue that blocks cards. validUntil may not lie before the operator's today."
                    + " Published on registry.cards." + ADMINS)
    @APIResponse(responseCode = "201", description = "Created; Location names the new card")
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    @APIResponse(responseCode = "409", description = "A card with this idTag is already registered with this operator,"
            + " or with an operator it roams with (never named)")
    public Response issue(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                          @PathParam("operatorId") UUID operatorId, @NotNull @Valid CardForm form) {
        Card card = cards.issue(caller.administeredOperator(operatorId, Operator::byId), form.driverId(), form.idTag(),
                form.label(), form.validUntil());
        return Response.created(URI.create("/api/cards/" + card.id)).entity(CardView.of(card)).build();
    }

    @GET
    @Path("/operators/{operatorId}/cards")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "List an operator's cards",
            description = "By idTag, then id; optionally of one driver or one status. A driverId that is not a"
                    + " driver of this operator answers 404, as that driver would." + PAGED + ADMINS)
    @APIResponse(responseCode = "404", description = "No such operator or driver, or not the caller's")
    public Page<CardView> list(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                               @PathParam("operatorId") UUID operatorId,
                               @Parameter(description = "Only the cards of this driver", example = DRIVER_EXAMPLE)
                               @QueryParam("driverId") UUID driverId,
                               @Parameter(description = "Only cards in this status, in any case", example = "BLOCKED")
                               @QueryParam("status") Card.Status status,
                               @BeanParam PageRequest page) {
        Operator operator = caller.administeredOperator(operatorId, Operator::byId);
        if (driverId != null && Driver.byId(driverId).filter(d -> d.operatorId.equals(operator.id)).isEmpty()) {
            throw DomainException.notFound("Driver", driverId);
        }
        return Card.page(operator.id, driverId, status, page).map(CardView::of);
    }

    @GET
    @Path("/cards/{cardId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "Read a card",
            description = "Admins of the card's operator, or the driver who holds it; anyone else's card answers 404.")
    @APIResponse(responseCode = "404", description = "No such card, or not the caller's to see")
    public CardView get(@Parameter(description = CARD_ID, example = CARD_EXAMPLE) @PathParam("cardId") UUID cardId) {
        return Card.byId(cardId).filter(c -> callingDriver.maySee(c.operatorId, c.driverId)).map(CardView::of)
                .orElseThrow(() -> DomainException.notFound("Card", cardId));
    }

    @PUT
    @Path("/cards/{cardId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Change a card's holder, label or validity",
            description = "Sends all three. A card handed to another driver takes the status that driver's cards"
                    + " have (an admin's block and a loss stay); an EXPIRED card given a validUntil of the"
                    + " operator's today or later is usable again. Published on registry.cards." + ADMINS_OF_CARD)
    @APIResponse(responseCode = "404", description = "No such card, or not the caller's")
    public CardView change(@Parameter(description = CARD_ID, example = CARD_EXAMPLE) @PathParam("cardId") UUID cardId,
                           @NotNull @Valid CardChange change) {
        return CardView.of(cards.change(administered(cardId), change.driverId(), change.label(), change.validUntil()));
    }

    @POST
    @Path("/cards/{cardId}/block")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Block a card",
            description = "Blocked by an admin (blockCause ADMIN), it stays blocked until an admin unblocks it;"
                    + " payments do not lift it. Published on registry.cards." + ADMINS_OF_CARD)
    @APIResponse(responseCode = "404", description = "No such card, or not the caller's")
    @APIResponse(responseCode = "409", description = "The card is lost or expired")
    public CardView block(@Parameter(description = CARD_ID, example = CARD_EXAMPLE) @PathParam("cardId") UUID cardId,
                          @Valid StatusChange change) {
        return CardView.of(cards.block(administered(cardId), reasonOf(change)));
    }

    @POST
    @Path("/cards/{cardId}/unblock")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Unblock a blocked card",
            description = "Lifts an admin's block, and may waive a block for an overdue invoice (until its next"
                    + " reminder). A card blocked because its driver is inactive is unblocked by reactivating the"
                    + " driver. Published on registry.cards." + ADMINS_OF_CARD)
    @APIResponse(responseCode = "404", description = "No such card, or not the caller's")
    @APIResponse(responseCode = "409", description = "The card is not blocked, or its driver is inactive")
    public CardView unblock(@Parameter(description = CARD_ID, example = CARD_EXAMPLE) @PathParam("cardId") UUID cardId) {
        return CardView.of(cards.unblock(administered(cardId)));
    }

    @POST
    @Path("/cards/{cardId}/lost")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    @Operation(summary = "Report a card lost",
            description = "Blocks it at once and for good (status LOST). Published on registry.cards."
                    + ADMINS_OF_CARD)
    @APIResponse(responseCode = "404", description = "No such card, or not the caller's")
    @APIResponse(responseCode = "409", description = "The card is already reported lost")
    public CardView reportLost(@Parameter(description = CARD_ID, example = CARD_EXAMPLE) @PathParam("cardId") UUID cardId,
                               @Valid StatusChange change) {
        return CardView.of(cards.reportLost(administered(cardId), reasonOf(change)));
    }

    @GET
    @Path("/me/cards")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "The calling driver's own cards", description = "By idTag, then id." + PAGED)
    @APIResponse(responseCode = "404", description = "The token stands for no driver")
    public Page<CardView> mine(@BeanParam PageRequest page) {
        Driver me = callingDriver.require();
        return Card.page(me.operatorId, me.id, null, page).map(CardView::of);
    }

    @POST
    @Path("/me/cards/{cardId}/lost")
    @RolesAllowed(Roles.DRIVER)
    @Transactional
    @Operation(summary = "Report one of my cards lost",
            description = "Blocks it at once and for good (status LOST); published on registry.cards. Only a card"
                    + " of the calling driver; anyone else's answers 404.")
    @APIResponse(responseCode = "404", description = "Not a card of the calling driver")
    @APIResponse(responseCode = "409", description = "The card is already reported lost")
    public CardView reportMineLost(@Parameter(description = CARD_ID, example = CARD_EXAMPLE)
                                   @PathParam("cardId") UUID cardId) {
        Driver me = callingDriver.require();
        Card card = Card.byId(cardId).filter(c -> c.driverId.equals(me.id) && c.operatorId.equals(me.operatorId))
                .orElseThrow(() -> DomainException.notFound("Card", cardId));
        return CardView.of(cards.reportLostByDriver(card));
    }

    private Card administered(UUID cardId) {
        return Card.byId(cardId).filter(c -> caller.administers(c.operatorId))
                .orElseThrow(() -> DomainException.notFound("Card", cardId));
    }

    private static String reasonOf(StatusChange change) {
        return change == null ? null : change.reason();
    }
}
