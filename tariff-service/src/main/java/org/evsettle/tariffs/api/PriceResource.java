package org.evsettle.tariffs.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.tariffs.PriceLine;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.tariffs.SessionPrice;
import org.evsettle.tariffs.UnpricedSession;

/** Session prices for their operator's admins and their own driver, and the sessions left unpriced. */
@Path("/api")
@Tag(name = "Prices", description = "The prices of charging sessions, and the sessions no tariff priced")
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
    @Operation(summary = "Read a session's price",
            description = "The current price of a completed session, line by line (energy, time, idle fee, start"
                    + " fee, minimum and maximum), with the tariff version it was priced by; revision is the session"
                    + " correction it prices (0: as completed). For the admins of the session's operator and its"
                    + " driver.")
    @APIResponse(responseCode = "404", description = "Not priced (yet), no such session, or not the caller's to see")
    public SessionPriceView price(@Parameter(description = "The session's id, as session-service gives it",
                                             example = "3f1c2a9e-8b7d-3c6e-9a5f-1e2d3c4b5a69")
                                  @PathParam("sessionId") UUID sessionId) {
        return SessionPrice.<SessionPrice>findByIdOptional(sessionId)
                .filter(p -> caller.administers(p.operatorId)
                        || (p.driverId != null && caller.maySeeDriver(p.operatorId, p.driverId)))
                .map(SessionPriceView::of)
                .orElseThrow(() -> DomainException.notFound("Price of session", sessionId));
    }

    @GET
    @Path("/operators/{operatorId}/unpriced-sessions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "List the operator's unpriced sessions",
            description = "The sessions no tariff of the operator priced, with the reason; waiting ones are priced"
                    + " as soon as a tariff for them is created. The earliest start first, paged by keyset: limit 1"
                    + " to 500 (default 100), then cursor=<next> until a page has no next. For the operator's"
                    + " admins.")
    @APIResponse(responseCode = "404", description = "The operator is not the caller's to administer")
    public Page<UnpricedSessionView> unpriced(@Parameter(description = "The operator's id, as in the registry",
                                                         example = "8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f")
                                              @PathParam("operatorId") UUID operatorId, @BeanParam PageRequest page) {
        caller.requireAdministers(operatorId, "Operator", operatorId);
        return UnpricedSession.pageOf(operatorId, page).map(UnpricedSessionView::of);
    }
}
