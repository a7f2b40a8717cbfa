package org.evsettle.tariffs.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.tariffs.PriceLine;
import org.evsettle.tariffs.ChargerTariffs.Offer;
import org.evsettle.tariffs.Price;

/**
 * What a planned session would cost at a charger: the engine's price, line by line, under the tariff named;
 * the tariff's id only for the charger's own operator (as {@link ChargerTariffView}).
 */
public record QuoteView(String chargePointId, String userType, UUID tariffId, String tariffName, int tariffVersion,
                        Instant startAt, Instant stopAt, BigDecimal energyKwh, int durationMinutes, int idleMinutes,
                        String currency, List<PriceLine> lines, BigDecimal netAmount, BigDecimal vatRate,
                        BigDecimal vatAmount, BigDecimal grossAmount) {

    static QuoteView of(Offer offer, QuoteForm form, Instant start, Price price, boolean ownOperator) {
        return new QuoteView(offer.charger().chargePointId, offer.userType(), ownOperator ? offer.tariff().id : null,
                offer.tariff().name,
                offer.version().version, start, start.plus(form.duration()),
                form.energyKwh().setScale(3), form.durationMinutes(), (int) form.idleChecked().toMinutes(),
                price.currency(), price.lines(), price.netAmount(), price.vatRate(), price.vatAmount(),
                price.grossAmount());
    }
}
