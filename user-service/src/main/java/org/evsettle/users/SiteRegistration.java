package org.evsettle.users;

import org.evsettle.events.registry.LoadLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.kit.api.DomainException;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * The places an operator's chargers stand at: created, renamed, moved to another address, or made a driver's
 * HOME site (or SHARED again), each published; the owner follows {@link HomeSites}.
 */
@ApplicationScoped
public class SiteRegistration {

    /** A site as an admin describes it; kind null is SHARED. */
    public record SiteDetails(String name, Address address, SiteKind kind, UUID ownerDriverId, LoadLimit loadLimit) {
    }

    private final RegistryPublisher registry;

    public SiteRegistration(RegistryPublisher registry) {
        this.registry = registry;
    }

    @Transactional
    public Site create(Operator operator, SiteDetails details) {
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.operatorId = operator.id;
        describe(site, details);
        site.persist();
        registry.changed(site);
        return site;
    }

    @Transactional
    public Site change(Site site, SiteDetails details) {
        describe(site, details);
        registry.changed(site);
        return site;
    }

    /** The site a charger of the operator is placed at; 400 naming siteId when it is not one of the operator's. */
    public static Site ofOperator(UUID operatorId, UUID siteId) {
        return Site.<Site>findByIdOptional(siteId).filter(site -> site.operatorId.equals(operatorId))
                .orElseThrow(() -> DomainException.invalid("siteId", "is not a site of this operator"));
    }

    private static void describe(Site site, SiteDetails details) {
        SiteKind kind = details.kind() == null ? SiteKind.SHARED : details.kind();
        site.ownerDriverId = HomeSites.owner(site.operatorId, kind, details.ownerDriverId());
        site.kind = kind.name();
        site.name = details.name().trim();
        site.address = PostalAddress.of(details.address());
        site.loadLimitUnit = details.loadLimit() == null ? null : details.loadLimit().unit();
        site.loadLimitValue = details.loadLimit() == null ? null : details.loadLimit().value();
    }
}
