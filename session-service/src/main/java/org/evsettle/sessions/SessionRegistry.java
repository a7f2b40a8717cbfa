package org.evsettle.sessions;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.evsettle.events.EventCatalog;
import org.evsettle.outbox.registry.KeptRegistry;
import org.evsettle.outbox.registry.RegistryTable;

/**
 * The registry entities session-service keeps copies of (operators, sites, drivers, cards, chargers), for the
 * kit's registry consumer ({@code session-service.registry}) to keep up to date. Sessions keep their
 * snapshot ids whatever happens to these copies.
 */
public class SessionRegistry {

    @Produces
    @Singleton
    KeptRegistry kept() {
        return KeptRegistry.of(
                RegistryTable.of(EventCatalog.OPERATOR, Operator.class, Operator::new),
                RegistryTable.of(EventCatalog.SITE, Site.class, Site::new),
                RegistryTable.of(EventCatalog.DRIVER, Driver.class, Driver::new),
                RegistryTable.of(EventCatalog.CARD, Card.class, Card::new),
                RegistryTable.of(EventCatalog.CHARGER, Charger.class, Charger::new));
    }
}
