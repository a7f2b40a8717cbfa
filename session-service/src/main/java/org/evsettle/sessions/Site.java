package org.evsettle.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/**
 * This service's copy of a registry site: its name, for the charge report, and its kind: a HOME site is
 * one driver's home charger (its owner), whose sessions are reimbursed, not invoiced.
 */
@Entity
@Table(name = "site")
public class Site extends RegistryCopy<SiteRecord> {

    public String name;
    @Enumerated(EnumType.STRING)
    public SiteKind kind = SiteKind.SHARED;
    @Column(name = "owner_driver_id")
    public UUID ownerDriverId;

    @Override
    protected void copy(SiteRecord record) {
        name = record.name() == null ? "" : record.name();
        kind = record.kind() == null ? SiteKind.SHARED : record.kind();
        ownerDriverId = kind == SiteKind.HOME ? record.ownerDriverId() : null;
    }

    /** The HOME site of this id, if the registry told of one. */
    public static Optional<Site> home(UUID siteId) {
        return siteId == null ? Optional.empty()
                : Site.<Site>findByIdOptional(siteId).filter(site -> site.kind == SiteKind.HOME);
    }

    /** The kind of each of these sites known here, by id. */
    public static Map<UUID, SiteKind> kinds(Collection<UUID> siteIds) {
        return siteIds.isEmpty() ? Map.of() : Site.<Site>list("id in ?1", siteIds).stream()
                .collect(Collectors.toMap(site -> site.id, site -> site.kind, (a, b) -> a));
    }

    /** A session's site kind: SHARED for a site not known here (the registry's default). */
    public static SiteKind kindOf(Map<UUID, SiteKind> kinds, UUID siteId) {
        return siteId == null ? SiteKind.SHARED : kinds.getOrDefault(siteId, SiteKind.SHARED);
    }

}
