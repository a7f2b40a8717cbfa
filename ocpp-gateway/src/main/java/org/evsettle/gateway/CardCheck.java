package org.evsettle.gateway;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * Whether a card may start charging at a charger, as Authorize asks it in either OCPP version: the rule of
 * {@link CardAuthorizer} on the registry projection, and ConcurrentTx for an accepted card charging at
 * another charger (one transaction per card, unless switched off; the database is read on a worker thread).
 */
@ApplicationScoped
public class CardCheck {

    private final RegistryProjection registry;
    private final CardAuthorizer authorizer;
    private final TransactionIds transactionIds;
    private final Clock clock;
    private final boolean oneTransactionPerCard;

    public CardCheck(RegistryProjection registry, CardAuthorizer authorizer, TransactionIds transactionIds, Clock clock,
                     GatewaySettings settings) {
        this.registry = registry;
        this.authorizer = authorizer;
        this.transactionIds = transactionIds;
        this.clock = clock;
        this.oneTransactionPerCard = settings.oneTransactionPerCard();
    }

    /** The verdict on a card (an idTag) at this charger. */
    public Uni<CardAuthorization> atCharger(String chargePointId, String idTag) {
        CardAuthorization verdict = authorizer.authorize(registry.charger(chargePointId), idTag);
        if (!verdict.isAccepted() || !oneTransactionPerCard) {
            return Uni.createFrom().item(verdict);
        }
        return Uni.createFrom().item(() -> transactionIds.isOpenElsewhere(idTag, chargePointId, clock.instant())
                        ? verdict.concurrent() : verdict)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
