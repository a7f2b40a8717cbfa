package org.evsettle.tariffs;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.evsettle.events.EventCatalog;
import org.evsettle.outbox.registry.KeptRegistry;
import org.evsettle.outbox.registry.RegistryTable;

/**
 * The registry entities tariffs keep copies of: operators (user types, zone and currency of new
 * tariffs), sites and chargers (where a tariff applies) and drivers (whose user type picks the tariff
 * shown to them). The kit's registry consumer ({@code tariff-service.registry}) keeps them.
 */
public class TariffRegistry {

    @Produces
    @Singleton
    KeptRegistry kept() {
        return KeptRegistry.of(
                RegistryTable.of(EventCatalog.OPERATOR, Operator.class, Operator::new),
                RegistryTable.of(EventCatalog.SITE, Site.class, Site::new),
                RegistryTable.of(EventCatalog.CHARGER, Charger.class, Charger::new),
                RegistryTable.of(EventCatalog.DRIVER, Driver.class, Driver::new));
    }
}
