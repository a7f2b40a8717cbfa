package org.evsettle.users.api;

import static org.evsettle.users.api.ApiText.ADMINS;
import static org.evsettle.users.api.ApiText.OPERATOR_EXAMPLE;
import static org.evsettle.users.api.ApiText.OPERATOR_ID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.events.registry.ChargePointIds;
import org.evsettle.kit.security.Caller;
import org.evsettle.kit.security.Roles;
import org.evsettle.users.ChargerAnnouncements;
import org.evsettle.users.Operator;

/**
 * The chargePointIds an operator expects to enroll with its key, announced before the chargers connect,
 * so that no other operator's key captures them; optionally its key enrolls only those. Published in the
 * operator's record on registry.operators, which the gateway follows.
 */
@Path("/api/operators/{operatorId}/announced-chargers")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPERATOR_ADMIN})
@Tag(name = "Chargers")
public class ChargerAnnouncementResource {

    private static final String ANNOUNCED_EXAMPLE = "ZCS000143";

    /** An id to announce. */
    public record Announcement(
            @Schema(description = "The charger's OCPP identity (a serial number, say)", example = ANNOUNCED_EXAMPLE)
            @NotBlank @Size(max = ChargePointIds.MAX_LENGTH)
            @Pattern(regexp = ChargePointIds.PATTERN, message = "may hold letters, digits and . _ : - only")
            String chargePointId) {
    }

    /** Whether the operator's key enrolls only the announced ids. */
    public record AnnouncedOnly(
            @Schema(description = "True: the enrollment key enrolls announced chargePointIds only", example = "true")
            @NotNull Boolean announcedOnly) {
    }

    /** What an operator announced, in chargePointId order. */
    public record AnnouncementsView(UUID operatorId, boolean announcedOnly, List<String> chargePointIds) {
        static AnnouncementsView of(Operator operator) {
            return new AnnouncementsView(operator.id, operator.enrollsAnnouncedOnly,
                    operator.announcedChargePointIds.stream().sorted().toList());
        }
    }

    private final Caller caller;
    private final ChargerAnnouncements announcements;

    public ChargerAnnouncementResource(Caller caller, ChargerAnnouncements announcements) {
        this.caller = caller;
        this.announcements = announcements;
    }

    @GET
    @Operation(summary = "List the chargePointIds an operator announced",
            description = "The ids its enrollment key may enroll that no other operator's key will, and whether it"
                    + " enrolls only those. An id leaves the list once its charger is registered." + ADMINS)
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    public AnnouncementsView list(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                                  @PathParam("operatorId") UUID operatorId) {
        return AnnouncementsView.of(administered(operatorId));
    }

    @POST
    @Transactional
    @Operation(summary = "Announce a chargePointId the operator expects to enroll",
            description = "Same rule as a registered chargePointId. Announcing one of its own again changes nothing;"
                    + " an id registered or announced already, by any operator, is a 409 that does not say by whom."
                    + " At most " + ChargerAnnouncements.MOST_PER_OPERATOR + " per operator. Published on"
                    + " registry.operators." + ADMINS)
    @APIResponse(responseCode = "200", description = "The operator's announcements, with this one")
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    @APIResponse(responseCode = "409", description = "This chargePointId is already registered or announced")
    public AnnouncementsView announce(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                                      @PathParam("operatorId") UUID operatorId,
                                      @NotNull @Valid Announcement announcement) {
        return AnnouncementsView.of(announcements.announce(administered(operatorId), announcement.chargePointId()));
    }

    @DELETE
    @Path("/{chargePointId}")
    @Transactional
    @Operation(summary = "Withdraw an announced chargePointId",
            description = "Any operator's key may enroll it again. Published on registry.operators." + ADMINS)
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such operator, not the caller's, or not announced by it")
    public Response withdraw(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                             @PathParam("operatorId") UUID operatorId,
                             @Parameter(description = "An announced chargePointId", example = ANNOUNCED_EXAMPLE)
                             @PathParam("chargePointId") String chargePointId) {
        announcements.withdraw(administered(operatorId), chargePointId);
        return Response.noContent().build();
    }

    @PUT
    @Path("/only")
    @Transactional
    @Operation(summary = "Choose whether the enrollment key enrolls announced chargePointIds only",
            description = "On: a charger whose id the operator did not announce is refused at the gateway. Published"
                    + " on registry.operators." + ADMINS)
    @APIResponse(responseCode = "404", description = "No such operator, or not the caller's")
    public AnnouncementsView announcedOnly(@Parameter(description = OPERATOR_ID, example = OPERATOR_EXAMPLE)
                                           @PathParam("operatorId") UUID operatorId,
                                           @NotNull @Valid AnnouncedOnly choice) {
        return AnnouncementsView.of(announcements.announcedOnly(administered(operatorId), choice.announcedOnly()));
    }

    private Operator administered(UUID operatorId) {
        return caller.administeredOperator(operatorId, Operator::byId);
    }
}
