package org.evsettle.sessions.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.SessionAnomaly;
import org.evsettle.sessions.SessionCorrection;
import org.evsettle.sessions.SessionCorrections;
import org.evsettle.sessions.SessionFilter;
import org.evsettle.sessions.SessionPrice;
import org.evsettle.sessions.SessionStatus;

/**
 * Charging sessions as the charger reported them, with their cost and anomalies: platform admins see
 * all, operator admins their operator's, drivers their own; someone else's session answers 404.
 * Admins correct a session or release a held one, with a reason; every change is in its audit trail.
 */
@Path("/api")
public class SessionResource {

    /** The most sessions one list answers with. */
    static final int LIMIT = 500;

    private final Caller caller;
    private final SessionCorrections corrections;

    public SessionResource(Caller caller, SessionCorrections corrections) {
        this.caller = caller;
        this.corrections = corrections;
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
                .map(SessionResource::view)
                .orElseThrow(() -> DomainException.notFound("Session", sessionId));
    }

    /** The calling driver's own sessions, newest first. */
    @GET
    @Path("/me/sessions")
    @RolesAllowed(Roles.DRIVER)
    public List<SessionView> mine() {
        return views(new SessionFilter(caller.requireOperatorId(), caller.requireDriverId(), null, null));
    }

    /**
     * Corrects the stop time, meter start or meter stop. A held session completes and is announced; a
     * completed one is announced again as corrected, for repricing.
     */
    @POST
    @Path("/sessions/{sessionId}/corrections")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    public SessionView correct(@PathParam("sessionId") UUID sessionId, @Valid @NotNull CorrectionForm form) {
        ChargingSession corrected = corrections.correct(sessionId, this::administered, new SessionCorrections.Change(
                form.stoppedAt(), form.meterStartWh(), form.meterStopWh(), form.reason().trim()), caller.name());
        return view(corrected);
    }

    /** Releases a held session as it is: it completes and is announced for billing. */
    @POST
    @Path("/sessions/{sessionId}/release")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    public SessionView release(@PathParam("sessionId") UUID sessionId, @Valid @NotNull ReleaseForm form) {
        return view(corrections.release(sessionId, this::administered, form.reason().trim(), caller.name()));
    }

    /** The session's audit trail, oldest first. */
    @GET
    @Path("/sessions/{sessionId}/corrections")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    public List<CorrectionView> trail(@PathParam("sessionId") UUID sessionId) {
        ChargingSession.<ChargingSession>findByIdOptional(sessionId)
                .filter(this::administered)
                .orElseThrow(() -> DomainException.notFound("Session", sessionId));
        return SessionCorrection.of(sessionId).stream().map(CorrectionView::of).toList();
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

    private boolean administered(ChargingSession session) {
        return caller.isPlatformAdmin() || (session.operatorId != null && caller.administers(session.operatorId));
    }

    private static SessionView view(ChargingSession session) {
        return SessionView.of(session, SessionPrice.of(session.id).orElse(null), SessionAnomaly.of(session.id));
    }

    /** The sessions with their prices and anomalies, in three queries whatever the count. */
    private static List<SessionView> views(SessionFilter filter) {
        List<ChargingSession> sessions = ChargingSession.search(filter, LIMIT);
        List<UUID> ids = sessions.stream().map(session -> session.id).toList();
        Map<UUID, SessionPrice> prices = SessionPrice.ofSessions(ids).stream()
                .collect(Collectors.toMap(price -> price.sessionId, Function.identity()));
        Map<UUID, List<SessionAnomaly>> anomalies = SessionAnomaly.ofSessions(ids).stream()
                .collect(Collectors.groupingBy(anomaly -> anomaly.sessionId));
        return sessions.stream()
                .map(session -> SessionView.of(session, prices.get(session.id),
                        anomalies.getOrDefault(session.id, List.of())))
                .toList();
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
