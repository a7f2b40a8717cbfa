package org.evsettle.invoices;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import org.evsettle.events.tariffs.PriceLine;

/** One tariff component of a line's price (energy, start fee, time), kept as the tariff service priced it. */
@Embeddable
public class PriceComponent {

    public String component;
    public String description;
    public BigDecimal quantity;
    public String unit;
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
    public BigDecimal amount;

    static PriceComponent of(PriceLine line) {
        PriceComponent stored = new PriceComponent();
        stored.component = line.component();
        stored.description = line.description();
        stored.quantity = line.quantity();
        stored.unit = line.unit();
        stored.unitPrice = line.unitPrice();
        stored.amount = InvoiceTotals.cents(line.amount());
        return stored;
    }

    PriceComponent copy() {
        PriceComponent copy = new PriceComponent();
        copy.component = component;
        copy.description = description;
        copy.quantity = quantity;
        copy.unit = unit;
        copy.unitPrice = unitPrice;
        copy.amount = amount;
        return copy;
    }
}
