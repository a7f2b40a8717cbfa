package org.evsettle.gateway.ocpp.v201;

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
import org.evsettle.gateway.ocpp.v201.AuthorizationMessages.AuthorizeRequest;
import org.evsettle.gateway.ocpp.v201.AuthorizationMessages.AuthorizeResponse;

/**
 * Authorize for 2.0.1 stations: the same {@link CardAuthorizer} verdict as for 1.6 on the card the
 * IdToken names ({@link IdTokens}), ConcurrentTx for an accepted card charging elsewhere, answered as
 * an IdTokenInfo. A token that names nobody (NoAuthorization) is Invalid: no card, no driver to bill.
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
        return Ocpp201.SUBPROTOCOL;
    }

    @Override
    public List<OcppAction<?, ?>> actions() {
        return List.of(OcppAction.of("Authorize", AuthorizeRequest.class, this::authorize));
    }

    Uni<AuthorizeResponse> authorize(IncomingCall<AuthorizeRequest> call) {
        String idTag = IdTokens.idTagOf(call.request().idToken());
        CardAuthorization verdict = authorizer.authorize(registry.charger(call.chargePointId()), idTag);
        if (!verdict.isAccepted() || !oneTransactionPerCard) {
            return Uni.createFrom().item(new AuthorizeResponse(IdTokens.infoOf(verdict)));
        }
        return Uni.createFrom().item(() -> transactionIds.isOpenElsewhere(idTag, call.chargePointId(), clock.instant())
                        ? verdict.concurrent() : verdict)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(checked -> new AuthorizeResponse(IdTokens.infoOf(checked)));
    }
}
