package org.evsettle.events.tariffs;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The price of a session under a tariff version: a line per component, net (sum of lines), VAT at
 * vatRate (a fraction, 0.21 for 21%) and gross, all in currency.
 * <p>
 * purpose says who pays whom ({@link PricePurpose}; null, as in prices announced before it existed: CHARGE).
 * A REIMBURSEMENT is priced with the employee's reimbursement rate, whose id and version are then tariffId
 * and tariffVersion, with no VAT (vatRate 0) unless the company bills itself for a VAT-registered employee;
 * monthlyCap is that rate's cap on an employee's reimbursement per calendar month (null: none).
 */
public record SessionPriced(
        UUID sessionId,
        UUID operatorId,
        UUID driverId,
        PricedSession session,
        UUID tariffId,
        int tariffVersion,
        String currency,
        List<PriceLine> lines,
        BigDecimal netAmount,
        BigDecimal vatRate,
        BigDecimal vatAmount,
        BigDecimal grossAmount,
        PricePurpose purpose,
        BigDecimal monthlyCap) implements TariffEvent {

    public SessionPriced {
        purpose = purpose == null ? PricePurpose.CHARGE : purpose;
    }

    /** A charge to the driver (the form of the prices before purposes existed). */
    public SessionPriced(UUID sessionId, UUID operatorId, UUID driverId, PricedSession session, UUID tariffId,
                         int tariffVersion, String currency, List<PriceLine> lines, BigDecimal netAmount,
                         BigDecimal vatRate, BigDecimal vatAmount, BigDecimal grossAmount) {
        this(sessionId, operatorId, driverId, session, tariffId, tariffVersion, currency, lines, netAmount, vatRate,
                vatAmount, grossAmount, PricePurpose.CHARGE, null);
    }
}
