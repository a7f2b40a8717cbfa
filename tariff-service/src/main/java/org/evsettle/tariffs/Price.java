package org.evsettle.tariffs;

import java.math.BigDecimal;
import java.util.List;
import org.evsettle.events.tariffs.PriceLine;

/** The outcome of pricing one session: its lines, net, VAT at the rate, and gross, in currency. */
public record Price(String currency, List<PriceLine> lines, BigDecimal netAmount, BigDecimal vatRate,
                    BigDecimal vatAmount, BigDecimal grossAmount) {

    public Price {
        lines = List.copyOf(lines);
    }
}
