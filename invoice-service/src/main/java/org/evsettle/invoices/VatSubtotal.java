package org.evsettle.invoices;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** The stored amounts of one VAT rate on an invoice, as {@link InvoiceTotals} computed them. */
@Embeddable
public class VatSubtotal {

    public BigDecimal rate;
    @Column(name = "net_amount")
    public BigDecimal netAmount;
    @Column(name = "vat_amount")
    public BigDecimal vatAmount;

    static VatSubtotal of(InvoiceTotals.RateTotal total) {
        VatSubtotal stored = new VatSubtotal();
        stored.rate = total.rate();
        stored.netAmount = total.netAmount();
        stored.vatAmount = total.vatAmount();
        return stored;
    }

    InvoiceTotals.RateTotal toRateTotal() {
        return new InvoiceTotals.RateTotal(rate, netAmount, vatAmount);
    }
}
