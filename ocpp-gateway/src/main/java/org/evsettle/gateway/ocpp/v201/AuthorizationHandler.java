package org.evsettle.gateway.ocpp.v201;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.evsettle.gateway.CardCheck;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.v201.AuthorizationMessages.AuthorizeRequest;
import org.evsettle.gateway.ocpp.v201.AuthorizationMessages.AuthorizeResponse;

/**
 * Authorize for 2.0.1 stations: the same verdict as for 1.6 ({@link CardCheck}) on the card the
 * IdToken names ({@link IdTokens}), ConcurrentTx for an accepted card charging elsewhere, answered as
 * an IdTokenInfo. A token that names nobody (NoAuthorization) is Invalid: no card, no driver to bill.
 */
@ApplicationScoped
public class AuthorizationHandler implements ActionFamily {

    private final CardCheck cards;

    public AuthorizationHandler(CardCheck cards) {
        this.cards = cards;
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
        return cards.atCharger(call.chargePointId(), IdTokens.idTagOf(call.request().idToken()))
                .map(verdict -> new AuthorizeResponse(IdTokens.infoOf(verdict)));
    }
}
