package org.evsettle.tariffs;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/** Tariff components and terms for tests: {@code energy("0.45").when(When.weekdays().times("17:00", "21:00"))}. */
final class Components {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final BigDecimal VAT_21 = new BigDecimal("0.21");

    private Components() {
    }

    static TariffComponent energy(String price) {
        return TariffComponent.of(ComponentType.ENERGY, new BigDecimal(price));
    }

    static TariffComponent startFee(String price) {
        return TariffComponent.of(ComponentType.START_FEE, new BigDecimal(price));
    }

    static TariffComponent chargingTime(String pricePerHour) {
        return new TariffComponent(ComponentType.TIME, new BigDecimal(pricePerHour), null, TimeBasis.CHARGING, null,
                null, null);
    }

    static TariffComponent connectedTime(String pricePerHour) {
        return new TariffComponent(ComponentType.TIME, new BigDecimal(pricePerHour), null, TimeBasis.CONNECTED, null,
                null, null);
    }

    static TariffComponent idleFee(String pricePerMinute, int graceMinutes, String cap) {
        return new TariffComponent(ComponentType.IDLE_FEE, new BigDecimal(pricePerMinute), null, null, graceMinutes,
                cap == null ? null : new BigDecimal(cap), null);
    }

    static TariffComponent minimum(String amount) {
        return TariffComponent.of(ComponentType.MIN_PRICE, new BigDecimal(amount));
    }

    static TariffComponent maximum(String amount) {
        return TariffComponent.of(ComponentType.MAX_PRICE, new BigDecimal(amount));
    }

    static TariffComponent restricted(TariffComponent component, When when) {
        return component.restrictedTo(when.build());
    }

    static TariffTerms terms(TariffComponent... components) {
        return new TariffTerms("EUR", VAT_21, AMSTERDAM, List.of(components));
    }
}
