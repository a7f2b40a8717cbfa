package org.evsettle.gateway.ocpp.v16;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.evsettle.gateway.CardAuthorizer;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.v16.AuthorizationMessages.AuthorizeRequest;
import org.evsettle.gateway.ocpp.v16.AuthorizationMessages.AuthorizeResponse;

/** Authorize: whether a card may start charging here, by the rule of {@link CardAuthorizer}. */
@ApplicationScoped
public class AuthorizationHandler implements ActionFamily {

    private final RegistryProjection registry;
    private final CardAuthorizer authorizer;

    public AuthorizationHandler(RegistryProjection registry, CardAuthorizer authorizer) {
        this.registry = registry;
        this.authorizer = authorizer;
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
        return Uni.createFrom().item(new AuthorizeResponse(IdTagInfo.of(
                authorizer.authorize(registry.charger(call.chargePointId()), call.request().idTag()))));
    }
}
