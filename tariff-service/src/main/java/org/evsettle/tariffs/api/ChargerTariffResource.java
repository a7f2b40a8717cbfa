package org.evsettle.tariffs.api;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.security.Caller;
import org.evsettle.tariffs.Charger;
import org.evsettle.tariffs.ChargerTariffs;
import org.evsettle.tariffs.ChargerTariffs.Offer;
import org.evsettle.tariffs.Driver;
import org.evsettle.tariffs.MeteredSession;
import org.evsettle.tariffs.Operator;
import org.evsettle.tariffs.Price;
import org.evsettle.tariffs.PricingEngine;

/**
 * The price at a charger before charging, for anyone who has the charger's id: its operator's
 * drivers see the tariff of their own user type, everyone else the GUEST tariff (or the one for all
 * user types); the operator's admins may ask for any of its user types. A quote prices a planned
 * session with the very rule that will price the real one. Only the charger's own operator (its admins
 * and its drivers) reads the ids of operator, site and tariff: to anyone else they are another tenant's.
 */
@Path("/api/chargers/{chargePointId}")
@Authenticated
@Tag(name = "Prices at a charger", description = "The tariff shown at a charger, and quotes before charging")
public class ChargerTariffResource {

    private static final String CHARGE_POINT = "The id the charger reports over OCPP, as printed on it";

    private final Caller caller;
    private final ChargerTariffs tariffs;
    private final Clock clock;

    public ChargerTariffResource(Caller caller, ChargerTariffs tariffs, Clock clock) {
        this.caller = caller;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    @GET
    @Path("/tariff")
    @Operation(summary = "Read the tariff at a charger",
            description = "The tariff version in force now at the charger for the caller: the operator's own"
                    + " drivers see their user type's, anyone else the GUEST tariff (or the one for all user types);"
                    + " the operator's admins may ask for any of its user types. operatorId, siteId and tariffId are"
                    + " shown only to the charger's own operator's admins and drivers (null for anyone else).")
    @APIResponse(responseCode = "404", description = "No charger in service under this id, or no tariff applies")
    public ChargerTariffView tariff(@Parameter(description = CHARGE_POINT, example = "ZAP-000123")
                                    @PathParam("chargePointId") String chargePointId,
                                    @Parameter(description = "For admins: whose tariff to show (default GUEST)",
                                               example = "RESIDENT")
                                    @QueryParam("userType") String userType) {
        Charger charger = tariffs.charger(chargePointId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return ChargerTariffView.of(tariffs.offer(charger, userTypeAt(charger, userType), now), ownOperator(charger));
    }

    @POST
    @Path("/quote")
    @Operation(summary = "Quote a planned session",
            description = "Prices a planned session (start, duration, energy, idle time) at the charger with the very"
                    + " rule that will price the real one, for the tariff the caller would be shown.")
    @APIResponse(responseCode = "404", description = "No charger in service under this id, or no tariff applies")
    public QuoteView quote(@Parameter(description = CHARGE_POINT, example = "ZAP-000123")
                           @PathParam("chargePointId") String chargePointId, @NotNull @Valid QuoteForm form) {
        Charger charger = tariffs.charger(chargePointId);
        Instant start = form.startOrNow().truncatedTo(ChronoUnit.SECONDS);
        MeteredSession planned = MeteredSession.planned(start, form.duration(), form.energyWh(), form.idleChecked());
        Offer offer = tariffs.offer(charger, userTypeAt(charger, form.userType()), start);
        Price price = PricingEngine.of(offer.version().terms()).price(planned);
        return QuoteView.of(offer, form, start, price, ownOperator(charger));
    }

    /** Is the charger of the caller's own operator: one it administers, or whose driver the caller is? */
    private boolean ownOperator(Charger charger) {
        return caller.administers(charger.operatorId) || (caller.isDriver() && caller.driverId().isPresent()
                && caller.operatorId().filter(charger.operatorId::equals).isPresent());
    }

    /**
     * Whose price to show: an admin of the charger's operator chooses (GUEST by default); the
     * operator's own driver gets their user type; anyone else is a guest there.
     */
    private String userTypeAt(Charger charger, String requested) {
        if (caller.administers(charger.operatorId)) {
            if (requested == null || requested.isBlank()) {
                return ChargerTariffs.GUEST;
            }
            if (!Operator.userTypesOf(charger.operatorId).contains(requested)) {
                throw DomainException.invalid("userType", "is not a user type of this operator "
                        + Operator.userTypesOf(charger.operatorId));
            }
            return requested;
        }
        if (caller.isDriver() && caller.operatorId().filter(charger.operatorId::equals).isPresent()) {
            return caller.driverId().flatMap(driverId -> Driver.userTypeOf(driverId, charger.operatorId))
                    .orElse(ChargerTariffs.GUEST);
        }
        return ChargerTariffs.GUEST;
    }
}
