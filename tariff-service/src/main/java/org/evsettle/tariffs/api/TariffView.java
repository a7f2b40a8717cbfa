package org.evsettle.tariffs.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.tariffs.Tariff;
import org.evsettle.tariffs.TariffComponent;
import org.evsettle.tariffs.TariffVersion;

/**
 * A tariff as the API shows it, with every version, oldest first. siteId or chargerId say where it
 * applies (neither: at all the operator's chargers); userTypes empty: for all user types.
 */
public record TariffView(UUID id, UUID operatorId, String name, List<String> userTypes, UUID siteId, UUID chargerId,
                         String currency, List<VersionView> versions) {

    /** One version: from when it prices sessions, at which VAT rate, in which zone, with which components. */
    public record VersionView(int version, Instant effectiveFrom, BigDecimal vatRate, String timeZone,
                              List<TariffComponent> components) {
        static VersionView of(TariffVersion v) {
            return new VersionView(v.version, v.effectiveFrom, v.vatRate, v.timeZone, v.components);
        }
    }

    static TariffView of(Tariff t) {
        return new TariffView(t.id, t.operatorId, t.name, List.copyOf(t.userTypes), t.siteId, t.chargerId, t.currency,
                t.versions.stream().map(VersionView::of).toList());
    }
}
