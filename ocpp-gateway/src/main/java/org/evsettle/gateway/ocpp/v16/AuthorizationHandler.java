package org.evsettle.gateway.ocpp.v16;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.evsettle.gateway.CardAuthorization;
import org.evsettle.gateway.CardAuthorizer;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.TransactionIds;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.v16.AuthorizationMessages.AuthorizeRequest;
import org.evsettle.gateway.ocpp.v16.AuthorizationMessages.AuthorizeResponse;

/**
 * Authorize: whether a card may start charging here, by the rule of {@link CardAuthorizer} on the
 * local registry projection, and ConcurrentTx for an accepted card that is charging at another
 * charger (one transaction per card, unless switched off).
 */
@ApplicationScoped
public class AuthorizationHandler implements ActionFamily {

    private final RegistryProjection registry;
    private final CardAuthorizer authorizer;
    private final TransactionIds transactionIds;
    private final Clock clock;
    private final boolean oneTransactionPerCard;

    public AuthorizationHandler(RegistryProjection registry, CardAuthorizer authorizer, TransactionIds transactionIds,
                                Clock clock, GatewaySettings settings) {
        this.registry = registry;
        this.authorizer = authorizer;
        this.transactionIds = transactionIds;
        this.clock = clock;
        this.oneTransactionPerCard = settings.oneTransactionPerCard();
    }

    @Override
    public String subprotocol() {
        return Ocpp16.SUBPROTOCOL;
    }

    @Override
    public List<OcppAction<?, ?>> actions() {
        return List.of(OcppAction.of("Authorize", AuthorizeRequest.class, this::authorize));
    }

    Uni<AuthorizeResponse> authorize(IncomingCall<AuthorizeRequest> call) {
        return check(call.chargePointId(), call.request().idTag())
                .map(verdict -> new AuthorizeResponse(IdTagInfo.of(verdict)));
    }

    /** The verdict on a card at this charger, ConcurrentTx included (the database is read on a worker thread). */
    Uni<CardAuthorization> check(String chargePointId, String idTag) {
        CardAuthorization verdict = authorizer.authorize(registry.charger(chargePointId), idTag);
        if (!verdict.isAccepted() || !oneTransactionPerCard) {
            return Uni.createFrom().item(verdict);
        }
        return Uni.createFrom().item(() -> transactionIds.isOpenElsewhere(idTag, chargePointId, clock.instant())
                        ? verdict.concurrent() : verdict)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
