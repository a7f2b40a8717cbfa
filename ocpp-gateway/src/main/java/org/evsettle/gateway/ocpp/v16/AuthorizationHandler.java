package org.evsettle.gateway.ocpp.v16;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.evsettle.gateway.CardCheck;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.v16.AuthorizationMessages.AuthorizeRequest;
import org.evsettle.gateway.ocpp.v16.AuthorizationMessages.AuthorizeResponse;

/**
 * Authorize: whether a card may start charging here, by {@link CardCheck} (the card rule on the local
 * registry projection, and ConcurrentTx for an accepted card that is charging at another charger),
 * answered as an IdTagInfo.
 */
@ApplicationScoped
public class AuthorizationHandler implements ActionFamily {

    private final CardCheck cards;

    public AuthorizationHandler(CardCheck cards) {
        this.cards = cards;
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
        return cards.atCharger(call.chargePointId(), call.request().idTag())
                .map(verdict -> new AuthorizeResponse(IdTagInfo.of(verdict)));
    }
}
