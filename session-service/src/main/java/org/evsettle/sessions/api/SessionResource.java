package org.evsettle.sessions.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.SessionFilter;
import org.evsettle.sessions.SessionStatus;

/**
 * Charging sessions as the charger reported them: platform admins see all, operator admins their
 * operator's, drivers their own. Someone else's session answers 404.
 */
@Path("/api")
public class SessionResource {

    /** The most sessions one list answers with. */
    static final int LIMIT = 500;

    private final Caller caller;

    public SessionResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/sessions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    public List<SessionView> list(@QueryParam("operatorId") UUID operatorId, @QueryParam("driverId") UUID driverId,
                                  @QueryParam("chargePointId") String chargePointId,
                                  @QueryParam("status") String status) {
        SessionStatus wanted = status(status);
        if (isAdmin()) {
            return views(new SessionFilter(caller.operatorScope(operatorId).orElse(null), driverId, chargePointId,
                    wanted));
        }
        UUID ownOperator = caller.requireOperatorId();
        UUID ownDriver = caller.requireDriverId();
        // a driver asking for someone else's sessions finds none
        boolean otherOperator = operatorId != null && !operatorId.equals(ownOperator);
        boolean otherDriver = driverId != null && !driverId.equals(ownDriver);
        if (otherOperator || otherDriver) {
            return List.of();
        }
        return views(new SessionFilter(ownOperator, ownDriver, chargePointId, wanted));
    }

    @GET
    @Path("/sessions/{sessionId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    public SessionView get(@PathParam("sessionId") UUID sessionId) {
        return ChargingSession.<ChargingSession>findByIdOptional(sessionId)
                .filter(this::visible)
                .map(SessionView::of)
                .orElseThrow(() -> DomainException.notFound("Session", sessionId));
    }

    /** The calling driver's own sessions, newest first. */
    @GET
    @Path("/me/sessions")
    @RolesAllowed(Roles.DRIVER)
    public List<SessionView> mine() {
        return views(new SessionFilter(caller.requireOperatorId(), caller.requireDriverId(), null, null));
    }

    private boolean isAdmin() {
        return caller.isPlatformAdmin() || caller.isOperatorAdmin();
    }

    private boolean visible(ChargingSession session) {
        if (caller.isPlatformAdmin()) {
            return true;
        }
        // a session whose start has not arrived belongs to no operator yet
        if (session.operatorId == null) {
            return false;
        }
        return caller.administers(session.operatorId)
                || (session.driverId != null && caller.maySeeDriver(session.operatorId, session.driverId));
    }

    private static List<SessionView> views(SessionFilter filter) {
        return ChargingSession.search(filter, LIMIT).stream().map(SessionView::of).toList();
    }

    private static SessionStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SessionStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "must be one of " + Arrays.toString(SessionStatus.values()));
        }
    }
}
