package org.evsettle.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.kit.api.DomainException;
import org.evsettle.users.messaging.RegistryPublisher;

/** The places an operator's chargers stand at: created, renamed or moved to another address, each published. */
@ApplicationScoped
public class SiteRegistration {

    private final RegistryPublisher registry;

    public SiteRegistration(RegistryPublisher registry) {
        this.registry = registry;
    }

    @Transactional
    public Site create(Operator operator, String name, Address address) {
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.operatorId = operator.id;
        describe(site, name, address);
        site.persist();
        registry.changed(site);
        return site;
    }

    @Transactional
    public Site change(Site site, String name, Address address) {
        describe(site, name, address);
        registry.changed(site);
        return site;
    }

    /** The site a charger of the operator is placed at; 400 naming siteId when it is not one of the operator's. */
    public static Site ofOperator(UUID operatorId, UUID siteId) {
        return Site.<Site>findByIdOptional(siteId).filter(site -> site.operatorId.equals(operatorId))
                .orElseThrow(() -> DomainException.invalid("siteId", "is not a site of this operator"));
    }

    private static void describe(Site site, String name, Address address) {
        site.name = name.trim();
        site.address = PostalAddress.of(address);
    }
}
