package org.evsettle.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.tariffs.PriceLine;

/**
 * The pricing rule, in one place and free of framework and database: a line per component
 * (quantity times unit price, rounded half-up to cents), net as the sum of the lines, VAT as net
 * times the rate rounded half-up to cents, gross as net plus VAT. The VAT here is informative: an
 * invoice computes VAT on its total per rate.
 */
public final class PricingEngine {

    private static final int CENTS = 2;
    private static final int KWH_DECIMALS = 3;
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(CENTS);

    private PricingEngine() {
    }

    public static Price price(SessionCompleted session, TariffTerms terms) {
        if (session.energyWh() < 0) {
            throw new IllegalArgumentException("Session " + session.sessionId() + " has negative energy");
        }
        List<PriceLine> lines = terms.components().stream().map(component -> line(component, session)).toList();
        BigDecimal net = lines.stream().map(PriceLine::amount).reduce(ZERO, BigDecimal::add);
        BigDecimal vat = cents(net.multiply(terms.vatRate()));
        return new Price(terms.currency(), lines, net, terms.vatRate(), vat, net.add(vat));
    }

    private static PriceLine line(TariffComponent component, SessionCompleted session) {
        ComponentType type = component.type();
        BigDecimal quantity = switch (type) {
            case ENERGY -> kWh(session.energyWh());
            case START_FEE -> BigDecimal.ONE;
        };
        return new PriceLine(type.name(), type.description(), quantity, type.unit(), component.unitPrice(),
                cents(quantity.multiply(component.unitPrice())));
    }

    /** Energy is counted in whole Wh, so kWh with 3 decimals is exact. */
    static BigDecimal kWh(long energyWh) {
        return BigDecimal.valueOf(energyWh, KWH_DECIMALS);
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(CENTS, RoundingMode.HALF_UP);
    }
}
