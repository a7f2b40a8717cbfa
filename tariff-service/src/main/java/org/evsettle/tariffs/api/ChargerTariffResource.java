package org.evsettle.tariffs.api;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * session with the very rule that will price the real one.
 */
@Path("/api/chargers/{chargePointId}")
@Authenticated
public class ChargerTariffResource {

    private final Caller caller;
    private final ChargerTariffs tariffs;

    public ChargerTariffResource(Caller caller, ChargerTariffs tariffs) {
        this.caller = caller;
        this.tariffs = tariffs;
    }

    @GET
    @Path("/tariff")
    public ChargerTariffView tariff(@PathParam("chargePointId") String chargePointId,
                                    @QueryParam("userType") String userType) {
        Charger charger = tariffs.charger(chargePointId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return ChargerTariffView.of(tariffs.offer(charger, userTypeAt(charger, userType), now));
    }

    @POST
    @Path("/quote")
    public QuoteView quote(@PathParam("chargePointId") String chargePointId, @NotNull @Valid QuoteForm form) {
        Charger charger = tariffs.charger(chargePointId);
        Instant start = form.startOrNow().truncatedTo(ChronoUnit.SECONDS);
        MeteredSession planned = MeteredSession.planned(start, form.duration(), form.energyWh(), form.idleChecked());
        Offer offer = tariffs.offer(charger, userTypeAt(charger, form.userType()), start);
        Price price = PricingEngine.of(offer.version().terms()).price(planned);
        return QuoteView.of(offer, form, start, price);
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
