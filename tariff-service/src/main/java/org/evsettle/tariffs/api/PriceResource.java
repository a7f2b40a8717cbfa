package org.evsettle.tariffs.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.tariffs.SessionPrice;
import org.evsettle.tariffs.UnpricedSession;

/** Session prices for their operator's admins and their own driver, and the sessions left unpriced. */
@Path("/api")
public class PriceResource {

    /** The price of one session, line by line. */
    public record SessionPriceView(UUID sessionId, UUID operatorId, UUID driverId, UUID tariffId, int tariffVersion,
                                   String currency, List<PriceLine> lines, BigDecimal netAmount, BigDecimal vatRate,
                                   BigDecimal vatAmount, BigDecimal grossAmount) {
        static SessionPriceView of(SessionPrice p) {
            return new SessionPriceView(p.sessionId, p.operatorId, p.driverId, p.tariffId, p.tariffVersion, p.currency,
                    p.lines, p.netAmount, p.vatRate, p.vatAmount, p.grossAmount);
        }
    }

    /** A session no tariff priced, and why. */
    public record UnpricedSessionView(UUID sessionId, Instant startedAt, long energyWh, String reason) {
        static UnpricedSessionView of(UnpricedSession u) {
            return new UnpricedSessionView(u.sessionId, u.startedAt, u.energyWh, u.reason);
        }
    }

    private final Caller caller;

    public PriceResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/sessions/{sessionId}/price")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    public SessionPriceView price(@PathParam("sessionId") UUID sessionId) {
        return SessionPrice.<SessionPrice>findByIdOptional(sessionId)
                .filter(p -> caller.administers(p.operatorId)
                        || (p.driverId != null && caller.maySeeDriver(p.operatorId, p.driverId)))
                .map(SessionPriceView::of)
                .orElseThrow(() -> DomainException.notFound("Price of session", sessionId));
    }

    @GET
    @Path("/operators/{operatorId}/unpriced-sessions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    public List<UnpricedSessionView> unpriced(@PathParam("operatorId") UUID operatorId) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return UnpricedSession.ofOperator(operatorId).stream().map(UnpricedSessionView::of).toList();
    }
}
