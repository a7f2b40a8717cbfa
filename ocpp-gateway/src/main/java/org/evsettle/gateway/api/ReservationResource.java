package org.evsettle.gateway.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.gateway.Reservations;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;

/**
 * The reservations a charger accepted (ReserveNow through the command API or ocpp.commands), for the
 * platform admins and the admins of the charger's operator.
 */
@Path("/api/chargers/{chargePointId}/reservations")
@Tag(name = "Charger commands")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
public class ReservationResource {

    private final AdministeredChargers chargers;
    private final Reservations reservations;
    private final Clock clock;
    private final Caller caller;

    public ReservationResource(AdministeredChargers chargers, Reservations reservations, Clock clock, Caller caller) {
        this.chargers = chargers;
        this.reservations = reservations;
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a charger's reservations",
            description = "Newest first (the last 100): connector (0: any), the card's idTag, expiry, who asked, and status "
                    + "RESERVED, USED (with the transaction that used it), CANCELLED or EXPIRED. While RESERVED, a "
                    + "transaction the charger starts on that connector for another card is answered Invalid.")
    @APIResponse(responseCode = "200", description = "The charger's reservations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Reservations.Reservation.class)))
    @APIResponse(responseCode = "404", description = "No such charger, or a charger of another operator")
    public List<Reservations.Reservation> list(
            @Parameter(description = "The charger's OCPP identity, as it connects", example = "ZAP-000123")
            @PathParam("chargePointId") String chargePointId) {
        chargers.require(chargePointId, caller);
        return reservations.of(chargePointId, clock.instant());
    }
}
