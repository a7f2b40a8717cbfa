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

    /** The price of one session, line by line; revision is the session correction it prices (0: as completed). */
    public record SessionPriceView(UUID sessionId, int revision, UUID operatorId, UUID driverId, String userType,
                                   UUID tariffId, int tariffVersion, String currency, List<PriceLine> lines,
                                   BigDecimal netAmount, BigDecimal vatRate, BigDecimal vatAmount,
                                   BigDecimal grossAmount, Instant pricedAt) {
        static SessionPriceView of(SessionPrice p) {
            return new SessionPriceView(p.sessionId, p.revision, p.operatorId, p.driverId, p.userType, p.tariffId,
                    p.tariffVersion, p.currency, p.lines, p.netAmount, p.vatRate, p.vatAmount, p.grossAmount,
                    p.pricedAt);
        }
    }

    /**
     * A session no tariff priced, and why; waiting: a new tariff for it will price it (false when the
     * session itself cannot be priced, such as negative energy).
     */
    public record UnpricedSessionView(UUID sessionId, int revision, String chargePointId, String userType,
                                      Instant startedAt, long energyWh, String reason, boolean waiting) {
        static UnpricedSessionView of(UnpricedSession u) {
            return new UnpricedSessionView(u.sessionId, u.revision, u.session.chargePointId(),
                    u.session.snapshot() == null ? null : u.session.snapshot().userType(), u.startedAt, u.energyWh,
                    u.reason, u.waiting);
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
