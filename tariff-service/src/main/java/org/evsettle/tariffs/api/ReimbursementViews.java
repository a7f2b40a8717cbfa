package org.evsettle.tariffs.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.tariffs.Tariff;
import org.evsettle.tariffs.TariffComponent;
import org.evsettle.tariffs.TariffVersion;

/** Reimbursement rates as the API shows them. */
public final class ReimbursementViews {

    private ReimbursementViews() {
    }

    /** A rate for one driver or for a user type, with every version. */
    public record RateView(UUID id, UUID operatorId, UUID driverId, String userType, String currency,
                           List<VersionView> versions) {
        static RateView of(Tariff rate) {
            return new RateView(rate.id, rate.operatorId, rate.driverId,
                    rate.userTypes.isEmpty() ? null : rate.userTypes.get(0), rate.currency,
                    rate.versions.stream().map(VersionView::of).toList());
        }
    }

    /**
     * A version: effectiveFrom as the operator's date; FIXED pricePerKwh, or the CONTRACT's day and night prices as
     * held to capPerKwh; correction and its reason when it took effect before it was made.
     */
    public record VersionView(int version, LocalDate effectiveFrom, String basis, BigDecimal pricePerKwh,
                              BigDecimal dayPricePerKwh, BigDecimal nightPricePerKwh, BigDecimal capPerKwh,
                              BigDecimal monthlyCap, BigDecimal vatRate, Instant createdAt, boolean correction,
                              String reason) {
        static VersionView of(TariffVersion v) {
            boolean fixed = "FIXED".equals(v.basis);
            Optional<BigDecimal> single = price(v, "Home charging");
            return new VersionView(v.version, v.effectiveFrom.atZone(ZoneId.of(v.timeZone)).toLocalDate(), v.basis,
                    fixed ? single.orElse(null) : null,
                    fixed ? null : price(v, "Home charging, day").or(() -> single).orElse(null),
                    fixed ? null : price(v, "Home charging, night").orElse(null), v.capPerKwh, v.monthlyCap,
                    v.vatRate, v.createdAt, v.reason != null, v.reason);
        }

        private static Optional<BigDecimal> price(TariffVersion v, String label) {
            return v.components.stream().filter(c -> label.equals(c.label())).map(TariffComponent::unitPrice)
                    .findFirst();
        }
    }

    /** The rate in force today for the calling employee: which rate and version, and its terms. */
    public record MyRateView(UUID rateId, int version, LocalDate effectiveFrom, String basis, BigDecimal pricePerKwh,
                             BigDecimal dayPricePerKwh, BigDecimal nightPricePerKwh, BigDecimal capPerKwh,
                             BigDecimal monthlyCap, String currency) {
        static MyRateView of(Tariff rate, TariffVersion v) {
            VersionView view = VersionView.of(v);
            return new MyRateView(rate.id, v.version, view.effectiveFrom(), view.basis(), view.pricePerKwh(),
                    view.dayPricePerKwh(), view.nightPricePerKwh(), view.capPerKwh(), view.monthlyCap(),
                    rate.currency);
        }
    }
}
