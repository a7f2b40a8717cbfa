package org.evsettle.tariffs.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.tariffs.ChargerTariffs.Offer;
import org.evsettle.tariffs.ComponentType;
import org.evsettle.tariffs.Restrictions;
import org.evsettle.tariffs.TariffComponent;
import org.evsettle.tariffs.TimeBasis;

/**
 * The tariff in force at a charger for one user type, as a driver reads it before charging: each
 * component in plain words and its unit price with and without VAT; nextVersionFrom tells when a
 * planned new version takes over. The operator's, site's and tariff's ids are shown only to the charger's
 * own operator (its admins and drivers): anyone else reads what it costs, not whose ids are behind it.
 */
public record ChargerTariffView(String chargePointId, UUID operatorId, UUID siteId, String userType, UUID tariffId,
                                String tariffName, int tariffVersion, Instant effectiveFrom, Instant nextVersionFrom,
                                String currency, BigDecimal vatRate, String timeZone, List<ComponentTerms> components) {

    /** One component: in words, and its parts for a client that shows them its own way. */
    public record ComponentTerms(ComponentType type, String terms, String unit, BigDecimal unitPrice,
                                 BigDecimal unitPriceInclVat, String label, TimeBasis timeBasis, Integer graceMinutes,
                                 BigDecimal cap, Restrictions restrictions) {

        static ComponentTerms of(TariffComponent c, String currency, BigDecimal vatRate) {
            return new ComponentTerms(c.type(), c.terms(currency), c.type().unit(), c.unitPrice(),
                    c.unitPrice().multiply(BigDecimal.ONE.add(vatRate))
                            .setScale(TariffComponent.UNIT_PRICE_SCALE, RoundingMode.HALF_UP),
                    c.label(), c.timeBasis(), c.graceMinutes(), c.cap(), c.restrictions());
        }
    }

    /** The offer as the caller reads it: with the operator's ids when the charger is of the caller's operator. */
    static ChargerTariffView of(Offer offer, boolean ownOperator) {
        String currency = offer.tariff().currency;
        BigDecimal vatRate = offer.version().vatRate;
        return new ChargerTariffView(offer.charger().chargePointId, ownOperator ? offer.charger().operatorId : null,
                ownOperator ? offer.charger().siteId : null, offer.userType(), ownOperator ? offer.tariff().id : null,
                offer.tariff().name, offer.version().version,
                offer.version().effectiveFrom, offer.next().map(v -> v.effectiveFrom).orElse(null), currency, vatRate,
                offer.version().timeZone,
                offer.version().components.stream().map(c -> ComponentTerms.of(c, currency, vatRate)).toList());
    }
}
