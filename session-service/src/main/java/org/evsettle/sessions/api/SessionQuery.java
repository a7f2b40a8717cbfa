package org.evsettle.sessions.api;

import jakarta.ws.rs.QueryParam;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.kit.api.Filters;
import org.evsettle.sessions.SessionFilter;
import org.evsettle.sessions.SessionStatus;

/** The filters every session list takes besides whose sessions they are; a bean parameter. */
public class SessionQuery {

    @QueryParam("chargePointId")
    @Parameter(description = "Only sessions of this charger (its OCPP identity)", example = "CP-0042")
    String chargePointId;

    @QueryParam("siteId")
    @Parameter(description = "Only sessions at this site (as the session's snapshot took it at the start)",
            example = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f")
    UUID siteId;

    @QueryParam("cardId")
    @Parameter(description = "Only sessions started with this card (its registry id, not its idTag)",
            example = "9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b")
    UUID cardId;

    @QueryParam("userType")
    @Parameter(description = "Only sessions of drivers of this user type as the session's snapshot took it at the"
            + " start, in any case", example = "RESIDENT")
    String userType;

    @QueryParam("siteKind")
    @Parameter(description = "Only sessions at HOME sites (an employee's home charger) or at SHARED ones (every other"
            + " site)", example = "HOME")
    SiteKind siteKind;

    @QueryParam("status")
    @Parameter(description = "Only sessions in this status, in any case", example = "HELD")
    SessionStatus status;

    @QueryParam("from")
    @Parameter(description = "Only sessions from this date on, in the operator's zone", example = "2026-03-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "Only sessions up to this date, inclusive, in the operator's zone", example = "2026-03-31")
    String to;

    /** The filter of this query over one operator's and one driver's sessions (null: all), its dates in the zone. */
    SessionFilter filter(UUID operatorId, UUID driverId, ZoneId zone) {
        return SessionFilter.of(operatorId, driverId,
                new SessionFilter.Narrowing(chargePointId, status, siteId, cardId, userType, siteKind),
                Filters.date("from", from), Filters.date("to", to), zone);
    }
}
