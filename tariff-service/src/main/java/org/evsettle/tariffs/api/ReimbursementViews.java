package org.evsettle.tariffs.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.tariffs.EnergyContract;
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
     * A version: effectiveFrom as the operator's date; FIXED pricePerKwh, or CONTRACT (the employee's contract prices,
     * each at most capPerKwh); correction and its reason when it took effect before it was made.
     */
    public record VersionView(int version, LocalDate effectiveFrom, String basis, BigDecimal pricePerKwh,
                              BigDecimal capPerKwh, BigDecimal monthlyCap, BigDecimal vatRate, Instant createdAt,
                              boolean correction, String reason) {
        static VersionView of(TariffVersion v) {
            return new VersionView(v.version, v.effectiveFrom.atZone(ZoneId.of(v.timeZone)).toLocalDate(), v.basis,
                    v.components.stream().findFirst().map(TariffComponent::unitPrice).orElse(null), v.capPerKwh,
                    v.monthlyCap, v.vatRate, v.createdAt, v.reason != null, v.reason);
        }
    }

    /**
     * The rate in force today for the calling employee: which rate and version, its terms, and for a CONTRACT rate the
     * employee's contract in force today (null while there is none: home sessions wait for it).
     */
    public record MyRateView(UUID rateId, int version, LocalDate effectiveFrom, String basis, BigDecimal pricePerKwh,
                             BigDecimal capPerKwh, BigDecimal monthlyCap, String currency,
                             EnergyContractView contract) {
        static MyRateView of(Tariff rate, TariffVersion v, Optional<EnergyContract> contract) {
            VersionView view = VersionView.of(v);
            return new MyRateView(rate.id, v.version, view.effectiveFrom(), view.basis(), view.pricePerKwh(),
                    view.capPerKwh(), view.monthlyCap(), rate.currency,
                    "CONTRACT".equals(v.basis) ? contract.map(EnergyContractView::of).orElse(null) : null);
        }
    }
}
