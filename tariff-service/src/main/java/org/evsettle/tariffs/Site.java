package org.evsettle.tariffs;

import java.util.stream.Collectors;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Collection;
import org.evsettle.events.registry.SiteKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/**
 * The tariff service's copy of a registry site: enough to check that a site's tariff names a site of its operator,
 * and whether it is one driver's HOME, whose own sessions there are reimbursed.
 */
@Entity
@Table(name = "site")
public class Site extends RegistryCopy<SiteRecord> {

    @Column(name = "operator_id")
    public UUID operatorId;
    /** SHARED or HOME ({@link SiteKind}). */
    public String kind = SiteKind.SHARED.name();
    @Column(name = "owner_driver_id")
    public UUID ownerDriverId;

    @Override
    protected void copy(SiteRecord record) {
        operatorId = record.operatorId();
        kind = record.kind().name();
        ownerDriverId = record.ownerDriverId();
    }

    public boolean isHome() {
        return SiteKind.HOME.name().equals(kind);
    }

    /** The site with this id, if this service knows it. */
    public static Optional<Site> known(UUID siteId) {
        return Site.<Site>findByIdOptional(siteId);
    }

    /** The sites among these ids this service knows, by id: for pricing a batch. */
    public static Map<UUID, Site> byId(Collection<UUID> siteIds) {
        return siteIds.isEmpty() ? Map.of() : Site.<Site>list("id in ?1", List.copyOf(siteIds)).stream()
                .collect(Collectors.toMap(site -> site.id, site -> site));
    }

    public static boolean ofOperator(UUID siteId, UUID operatorId) {
        return Site.<Site>findByIdOptional(siteId).filter(s -> s.operatorId.equals(operatorId)).isPresent();
    }
}
