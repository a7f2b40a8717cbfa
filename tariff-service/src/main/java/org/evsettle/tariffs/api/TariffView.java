package org.evsettle.tariffs.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.evsettle.tariffs.Tariff;
import org.evsettle.tariffs.TariffComponent;
import org.evsettle.tariffs.TariffVersion;

/** A tariff as the API shows it, with every version, oldest first. */
public record TariffView(UUID id, UUID operatorId, String name, List<String> userTypes, String currency,
                         List<VersionView> versions) {

    /** One version: from when it prices sessions, at which VAT rate, with which components. */
    public record VersionView(int version, Instant effectiveFrom, BigDecimal vatRate,
                              List<TariffComponent> components) {
        static VersionView of(TariffVersion v) {
            return new VersionView(v.version, v.effectiveFrom, v.vatRate, v.components);
        }
    }

    static TariffView of(Tariff t) {
        return new TariffView(t.id, t.operatorId, t.name, List.copyOf(t.userTypes), t.currency,
                t.versions.stream().map(VersionView::of).toList());
    }
}
