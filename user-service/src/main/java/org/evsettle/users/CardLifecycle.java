package org.evsettle.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * A charge card from issue to loss, as admins and drivers change it: issued to a driver of the
 * operator (blocked at once when that driver's cards are), handed to another driver, relabelled or
 * renewed, blocked and unblocked by an admin, reported lost for good. Every change is published.
 */
@ApplicationScoped
public class CardLifecycle {

    private final RegistryPublisher registry;
    private final CardBlocking cardBlocking;
    private final Clock clock;

    public CardLifecycle(RegistryPublisher registry, CardBlocking cardBlocking, Clock clock) {
        this.registry = registry;
        this.cardBlocking = cardBlocking;
        this.clock = clock;
    }

    /**
     * The idTag as printed or as a charger reads it, unique in its normal form per operator and among
     * operators that roam with each other (RegistryUniqueness).
     */
    @Transactional
    public Card issue(Operator operator, UUID driverId, String rawIdTag, String label, LocalDate validUntil) {
        Driver driver = driverOf(operator.id, driverId);
        String idTag = CardIdTag.normalize(rawIdTag);
        CardIdTag.brokenRule(idTag).ifPresent(rule -> {
            throw DomainException.invalid("idTag", rule);
        });
        requireFutureValidity(operator, validUntil);
        if (Card.count("operatorId = ?1 and idTag = ?2", operator.id, idTag) > 0
                || RegistryUniqueness.issuedByRoamingPartner(operator, idTag)) {
            throw RegistryUniqueness.idTagTaken(idTag);
        }
        Card card = new Card();
        card.id = UUID.randomUUID();
        card.operatorId = operator.id;
        card.driverId = driver.id;
        card.idTag = idTag;
        card.label = blankToNull(label);
        card.validUntil = validUntil;
        cardBlocking.settle(card, driver);
        card.persist();
        registry.changed(card);
        return card;
    }

    /**
     * A new holder, label or validity. A renewed card (EXPIRED, now valid again), or one handed to another
     * driver, takes the status that driver's cards have; an admin's block and a loss stay.
     */
    @Transactional
    public Card change(Card card, UUID driverId, String label, LocalDate validUntil) {
        Operator operator = Operator.byId(card.operatorId).orElseThrow();
        Driver driver = driverOf(card.operatorId, driverId);
        if (!Objects.equals(validUntil, card.validUntil)) {
            requireFutureValidity(operator, validUntil);
        }
        boolean newHolder = !driver.id.equals(card.driverId);
        card.driverId = driver.id;
        card.label = blankToNull(label);
        card.validUntil = validUntil;
        boolean renewed = card.is(Card.Status.EXPIRED) && card.isValidOn(operator.today(clock.instant()));
        if (renewed || (newHolder && (card.is(Card.Status.ACTIVE) || card.isBlockedBy(CardBlock.Cause.OVERDUE_INVOICE)
                || card.isBlockedBy(CardBlock.Cause.INACTIVE_DRIVER)))) {
            cardBlocking.settle(card, driver);
        }
        registry.changed(card);
        return card;
    }

    /** An admin's block stays until an admin lifts it; payments do not. */
    @Transactional
    public Card block(Card card, String reason) {
        if (card.is(Card.Status.LOST) || card.is(Card.Status.EXPIRED)) {
            throw DomainException.conflict("Card " + card.idTag + " is " + card.status + "; it cannot be blocked");
        }
        card.block(CardBlock.byAdmin(reason));
        registry.changed(card);
        return card;
    }

    /** Lifts an admin's block, or waives an overdue invoice's until its next reminder; never an inactive driver's. */
    @Transactional
    public Card unblock(Card card) {
        if (!card.is(Card.Status.BLOCKED)) {
            throw DomainException.conflict("Card " + card.idTag + " is " + card.status + ", not BLOCKED");
        }
        if (card.isBlockedBy(CardBlock.Cause.ERASED_DRIVER)) {
            throw DomainException.conflict("Card " + card.idTag + " is blocked because its driver is erased;"
                    + " issue a new card to another driver instead");
        }
        if (card.isBlockedBy(CardBlock.Cause.INACTIVE_DRIVER)) {
            throw DomainException.conflict("Card " + card.idTag + " is blocked because its driver is inactive;"
                    + " reactivate the driver instead");
        }
        card.activate();
        registry.changed(card);
        return card;
    }

    /** Reported lost by an admin, with the reason given or a standard one. */
    @Transactional
    public Card reportLost(Card card, String reason) {
        return lost(card, reason == null || reason.isBlank() ? "reported lost by an administrator" : reason.trim());
    }

    @Transactional
    public Card reportLostByDriver(Card card) {
        return lost(card, "reported lost by the driver");
    }

    private Card lost(Card card, String reason) {
        card.reportLost(reason);
        registry.changed(card);
        return card;
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
