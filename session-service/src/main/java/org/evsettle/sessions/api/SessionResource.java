package org.evsettle.sessions.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.Driver;
import org.evsettle.sessions.MeterCurve;
import org.evsettle.sessions.Operator;
import org.evsettle.sessions.SessionCorrection;
import org.evsettle.sessions.SessionCorrections;
import org.evsettle.sessions.SessionFilter;

/**
 * Charging sessions as the charger reported them, with their cost and anomalies: platform admins see
 * all, operator admins their operator's, drivers their own; someone else's session answers 404.
 * Admins correct a session or release a held one, with a reason; every change is in its audit trail.
 */
@Path("/api")
@Tag(name = "Sessions", description = "Charging sessions, their anomalies, corrections and releases")
public class SessionResource {

    private static final String SESSION_ID = "The session's id: SessionIds.of(chargePointId, transactionId)";
    private static final String SESSION_EXAMPLE = "3f1c2a9e-8b7d-3c6e-9a5f-1e2d3c4b5a69";
    private static final String LIST_RULES = " Newest first by the charger's clock (a session whose start has not"
            + " arrived by its stop), paged by keyset: limit 1 to 500 (default 100), then cursor=<next> until a page"
            + " has no next. from and to are calendar dates, both inclusive, in the time zone of the operator the list"
            + " covers (Europe/Amsterdam while that operator is not known here, or for a platform admin's list of"
            + " all operators). siteId, cardId and userType (in any case) match the snapshot the session took at its"
            + " start; a site or card that is not the caller's matches nothing.";

    private final Caller caller;
    private final SessionCorrections corrections;

    public SessionResource(Caller caller, SessionCorrections corrections) {
        this.caller = caller;
        this.corrections = corrections;
    }

    @GET
    @Path("/sessions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "List sessions",
            description = "A platform admin sees every operator's sessions, an operator admin their operator's, a"
                    + " driver their own. Filters only narrow that: operatorId of another operator, or driverId of"
                    + " a driver the caller may not see (another operator's, or for a driver anyone but themselves),"
                    + " answers 404." + LIST_RULES)
    @APIResponse(responseCode = "404", description = "The operator or driver filtered to is not the caller's to see")
    public Page<SessionView> list(
            @Parameter(description = "Only this operator's sessions", example = "8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f")
            @QueryParam("operatorId") UUID operatorId,
            @Parameter(description = "Only this driver's sessions", example = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e")
            @QueryParam("driverId") UUID driverId,
            @BeanParam SessionQuery query, @BeanParam PageRequest page) {
        Caller.ListScope scope = caller.listScope(operatorId, driverId, Driver::operatorOf);
        return page(scope.operatorId(), scope.driverId(), query, page);
    }

    @GET
    @Path("/me/sessions")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "List my sessions",
            description = "The calling driver's own sessions, as the driver's list of all sessions." + LIST_RULES)
    public Page<SessionView> mine(@BeanParam SessionQuery query, @BeanParam PageRequest page) {
        return page(caller.requireOperatorId(), caller.requireDriverId(), query, page);
    }

    @GET
    @Path("/sessions/{sessionId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "Read a session",
            description = "With its cost (null until tariff-service priced it) and every anomaly found, open or"
                    + " resolved. Admins of the session's operator and its driver see it; a session whose start has"
                    + " not arrived belongs to no operator yet and is a platform admin's only.")
    @APIResponse(responseCode = "404", description = "No such session, or not the caller's to see")
    public SessionView get(@Parameter(description = SESSION_ID, example = SESSION_EXAMPLE)
                           @PathParam("sessionId") UUID sessionId) {
        return SessionView.of(visible(sessionId));
    }

    @GET
    @Path("/sessions/{sessionId}/meter-values")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN, Roles.DRIVER})
    @Operation(summary = "Read a session's meter values",
            description = "The session's energy register over time as its charger reported it, in time order: the"
                    + " meter start at the start, every sample taken in between, the meter stop at the stop, each"
                    + " with the energy since the meter start. A corrected session still shows the charger's own"
                    + " start and stop (the corrections are in its audit trail); a session still charging ends at its"
                    + " latest sample, and so does one an operator closed. Not paged: a long session's samples are"
                    + " thinned evenly to at most " + MeterCurve.MOST_POINTS + ", the first and the last kept. Seen"
                    + " by whoever may read the session.")
    @APIResponse(responseCode = "404", description = "No such session, or not the caller's to see")
    public MeterValuesView meterValues(@Parameter(description = SESSION_ID, example = SESSION_EXAMPLE)
                                       @PathParam("sessionId") UUID sessionId) {
        return MeterValuesView.of(visible(sessionId));
    }

    @POST
    @Path("/sessions/{sessionId}/corrections")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Correct a session",
            description = "Admins of the session's operator change its stop time, meter start or meter stop, with a"
                    + " reason kept in the audit trail; the energy and durations follow. A held session completes and"
                    + " is announced with SessionCompleted; a completed one is announced again with SessionCorrected"
                    + " (revision 1, 2, ...) for repricing. A stale session, which the charger never stopped, needs"
                    + " both stoppedAt and meterStopWh. Refused with 400 naming the field: a stop before the start or"
                    + " in the future, negative energy.")
    @APIResponse(responseCode = "404", description = "No such session, or not the caller's to administer")
    @APIResponse(responseCode = "409", description = "The session is still charging or waiting for its start, or its"
            + " audit trail is full (100 corrections and releases)")
    @APIResponse(responseCode = "422", description = "The correction changes nothing, or the session has no start"
            + " time from the charger")
    public SessionView correct(@Parameter(description = SESSION_ID, example = SESSION_EXAMPLE)
                               @PathParam("sessionId") UUID sessionId, @Valid @NotNull CorrectionForm form) {
        return SessionView.of(corrections.correct(sessionId, this::administered, form.change(), caller.name()));
    }

    @POST
    @Path("/sessions/{sessionId}/release")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Release a held session",
            description = "Admins of the session's operator let a held session be billed as it is, with a reason"
                    + " kept in the audit trail: its anomalies are resolved and it is announced with"
                    + " SessionCompleted.")
    @APIResponse(responseCode = "404", description = "No such session, or not the caller's to administer")
    @APIResponse(responseCode = "409", description = "The session is not held, or its audit trail is full")
    @APIResponse(responseCode = "422", description = "The session has no stop (correct it with stoppedAt and"
            + " meterStopWh instead) or no start time from the charger")
    public SessionView release(@Parameter(description = SESSION_ID, example = SESSION_EXAMPLE)
                               @PathParam("sessionId") UUID sessionId, @Valid @NotNull ReleaseForm form) {
        return SessionView.of(corrections.release(sessionId, this::administered, form.reason().trim(), caller.name()));
    }

    @GET
    @Path("/sessions/{sessionId}/corrections")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
    @Operation(summary = "Read a session's audit trail",
            description = "Every correction and release of the session, oldest first: who, when, why, each value"
                    + " before and after, and what was announced. Not paged: a session takes at most "
                    + SessionCorrection.MOST_PER_SESSION + " corrections and releases, so the whole trail is one"
                    + " answer. Admins of the session's operator only.")
    @APIResponse(responseCode = "404", description = "No such session, or not the caller's to administer")
    public List<CorrectionView> trail(@Parameter(description = SESSION_ID, example = SESSION_EXAMPLE)
                                      @PathParam("sessionId") UUID sessionId) {
        return ChargingSession.<ChargingSession>findByIdOptional(sessionId)
                .filter(this::administered)
                .map(session -> SessionCorrection.of(session.id).stream().map(CorrectionView::of).toList())
                .orElseThrow(() -> DomainException.notFound("Session", sessionId));
    }

    /** The session if the caller may see it: admins of its operator and its driver; anyone else's answers 404. */
    private ChargingSession visible(UUID sessionId) {
        return ChargingSession.<ChargingSession>findByIdOptional(sessionId)
                .filter(session -> caller.maySeeDriver(session.operatorId, session.driverId))
                .orElseThrow(() -> DomainException.notFound("Session", sessionId));
    }

    /** A session whose start has not arrived belongs to no operator yet: a platform admin's only. */
    private boolean administered(ChargingSession session) {
        return caller.administers(session.operatorId);
    }

    private static Page<SessionView> page(UUID operatorId, UUID driverId, SessionQuery query, PageRequest page) {
        SessionFilter filter = query.filter(operatorId, driverId, Operator.zoneOf(operatorId));
        return SessionView.page(ChargingSession.page(filter, page));
    }
}
