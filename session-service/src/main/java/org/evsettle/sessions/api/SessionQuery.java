package org.evsettle.sessions.api;

import jakarta.ws.rs.QueryParam;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.evsettle.kit.api.Filters;
import org.evsettle.sessions.SessionFilter;
import org.evsettle.sessions.SessionStatus;

/** The filters every session list takes besides whose sessions they are; a bean parameter. */
public class SessionQuery {

    @QueryParam("chargePointId")
    @Parameter(description = "Only sessions of this charger (its OCPP identity)", example = "CP-0042")
    String chargePointId;

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
        return SessionFilter.of(operatorId, driverId, chargePointId, status, Filters.date("from", from),
                Filters.date("to", to), zone);
    }
}
