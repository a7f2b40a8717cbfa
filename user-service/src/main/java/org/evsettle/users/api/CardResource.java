package org.evsettle.users.api;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.evsettle.events.registry.IdTags;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.Card;
import org.evsettle.users.Driver;
import org.evsettle.users.messaging.RegistryPublisher;

/** Charge cards: issued to an operator's drivers; a driver sees their own. */
@Path("/api")
public class CardResource {

    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

    /** A card as a client sends it: idTag as printed or as a charger reads it, normalized on the way in. */
    public record CardForm(@NotNull UUID driverId, @NotBlank @Size(max = 40) String idTag,
                           @Size(max = 100) String label, LocalDate validUntil) {
    }

    /** A card as the API shows it. */
    public record CardView(UUID id, long revision, UUID operatorId, UUID driverId, String idTag, String label,
                           String status, String statusReason, LocalDate validUntil) {
        static CardView of(Card c) {
            return new CardView(c.id, c.revision, c.operatorId, c.driverId, c.idTag, c.label, c.status,
                    c.statusReason, c.validUntil);
        }
    }

    private final OperatorScope operators;
    private final Caller caller;
    private final RegistryPublisher registry;

    public CardResource(OperatorScope operators, Caller caller, RegistryPublisher registry) {
        this.operators = operators;
        this.caller = caller;
        this.registry = registry;
    }

    @POST
    @Path("/operators/{operatorId}/cards")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Transactional
    public Response issue(@PathParam("operatorId") UUID operatorId, @NotNull @Valid CardForm form) {
        operators.require(operatorId);
        Driver.<Driver>findByIdOptional(form.driverId()).filter(d -> d.operatorId.equals(operatorId))
                .orElseThrow(() -> DomainException.invalid("driverId", "is not a driver of this operator"));
        String idTag = IdTags.normalize(form.idTag());
        if (idTag.length() > IdTags.MAX_LENGTH || !PRINTABLE.matcher(idTag).matches()) {
            throw DomainException.invalid("idTag", "must be at most " + IdTags.MAX_LENGTH
                    + " printable characters once separators are removed (it is " + idTag + ")");
        }
        if (Card.count("operatorId = ?1 and idTag = ?2", operatorId, idTag) > 0) {
            throw DomainException.conflict("Card " + idTag + " is already registered with this operator");
        }
        Card card = new Card();
        card.id = UUID.randomUUID();
        card.operatorId = operatorId;
        card.driverId = form.driverId();
        card.idTag = idTag;
        card.label = form.label();
        card.status = Card.Status.ACTIVE.name();
        card.validUntil = form.validUntil();
        card.persist();
        registry.changed(card);
        return Response.created(URI.create("/api/cards/" + card.id)).entity(CardView.of(card)).build();
    }

    @GET
    @Path("/operators/{operatorId}/cards")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    public List<CardView> list(@PathParam("operatorId") UUID operatorId) {
        operators.require(operatorId);
        return Card.<Card>list("operatorId", Sort.by("idTag"), operatorId).stream().map(CardView::of).toList();
    }

    @GET
    @Path("/cards/{cardId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    public CardView get(@PathParam("cardId") UUID cardId) {
        Card card = Card.<Card>findByIdOptional(cardId)
                .filter(c -> caller.maySeeDriver(c.operatorId, c.driverId))
                .orElseThrow(() -> DomainException.notFound("Card", cardId));
        return CardView.of(card);
    }

    /** The calling driver's own cards. */
    @GET
    @Path("/me/cards")
    @RolesAllowed(Roles.DRIVER)
    public List<CardView> mine() {
        return Card.ofDriver(caller.requireDriverId()).stream()
                .filter(c -> caller.maySeeDriver(c.operatorId, c.driverId))
                .map(CardView::of).toList();
    }
}
