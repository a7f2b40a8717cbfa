package org.evsettle.invoices;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.evsettle.events.EventCatalog;
import org.evsettle.outbox.registry.KeptRegistry;
import org.evsettle.outbox.registry.RegistryTable;

/**
 * The registry entities invoicing keeps copies of: operators (the supplier, its zone and billing rules),
 * sites (named on each line) and drivers (the customer). The kit's registry consumer keeps them.
 */
public class InvoiceRegistry {

    @Produces
    @Singleton
    KeptRegistry kept() {
        return KeptRegistry.of(
                RegistryTable.of(EventCatalog.OPERATOR, Operator.class, Operator::new),
                RegistryTable.of(EventCatalog.SITE, Site.class, Site::new),
                RegistryTable.of(EventCatalog.DRIVER, Driver.class, Driver::new));
    }
}
