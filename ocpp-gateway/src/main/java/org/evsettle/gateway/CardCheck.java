package org.evsettle.gateway;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * Whether a card may start charging at a charger, in either OCPP version: the rule of {@link CardAuthorizer} on
 * the registry projection, and ConcurrentTx for an accepted card charging at another charger (one transaction
 * per card, unless switched off). Authorize asks it before a transaction ({@link #atCharger}); StartTransaction
 * and TransactionEvent Started ask it at the start ({@link #atStart}), where a connector reserved for another card
 * refuses it too.
 */
@ApplicationScoped
public class CardCheck {

    private final RegistryProjection registry;
    private final CardAuthorizer authorizer;
    private final TransactionIds transactionIds;
    private final Reservations reservations;
    private final Clock clock;
    private final boolean oneTransactionPerCard;

    public CardCheck(RegistryProjection registry, CardAuthorizer authorizer, TransactionIds transactionIds,
                     Reservations reservations, Clock clock, GatewaySettings settings) {
        this.registry = registry;
        this.authorizer = authorizer;
        this.transactionIds = transactionIds;
        this.reservations = reservations;
        this.clock = clock;
        this.oneTransactionPerCard = settings.oneTransactionPerCard();
    }

    /** The verdict on a card (an idTag) at this charger; the database is read on a worker thread. */
    public Uni<CardAuthorization> atCharger(String chargePointId, String idTag) {
        CardAuthorization verdict = authorizer.authorize(registry.charger(chargePointId), idTag);
        if (!verdict.isAccepted() || !oneTransactionPerCard) {
            return Uni.createFrom().item(verdict);
        }
        return Uni.createFrom().item(() -> unlessChargingElsewhere(chargePointId, idTag, verdict))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * The verdict at the start of transaction transactionId on connectorId (a 2.0.1 EVSE), given the registry's
     * verdict on its card: refused when the connector is reserved for another card (a reservation of this card,
     * named or on the connector, is claimed by the transaction), else ConcurrentTx when the card is charging at
     * another charger. Reads and writes the database: call it on a worker thread.
     */
    public CardAuthorization atStart(String chargePointId, int connectorId, Integer reservationId, String idTag,
                                     CardAuthorization verdict, int transactionId, Instant startedAt) {
        if (!verdict.isAccepted()) {
            return verdict;
        }
        if (reservations.claim(chargePointId, connectorId, reservationId, idTag, verdict.parentIdTag(), transactionId,
                startedAt) == Reservations.Claim.HELD_FOR_ANOTHER) {
            return verdict.reservedForAnother();
        }
        return oneTransactionPerCard ? unlessChargingElsewhere(chargePointId, idTag, verdict) : verdict;
    }

    private CardAuthorization unlessChargingElsewhere(String chargePointId, String idTag, CardAuthorization verdict) {
        return transactionIds.isOpenElsewhere(idTag, chargePointId, clock.instant()) ? verdict.concurrent() : verdict;
    }
}
