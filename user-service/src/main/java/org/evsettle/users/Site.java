package org.evsettle.users;

import org.evsettle.events.registry.LoadLimit;
import java.math.BigDecimal;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;

/** A place where an operator's chargers stand: a parking garage, a street, an office. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase implements RegistryEntity {

    private static final Keyset LISTED = Keyset.of(Keyset.ascending("name", String.class),
            Keyset.ascending("id", UUID.class));

    @Id
    public UUID id;
    @Version
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    public String name;
    @Embedded
    public PostalAddress address;
    /** SHARED or HOME ({@link SiteKind}). */
    public String kind = SiteKind.SHARED.name();
    /** The driver whose home charger this is; set for a HOME site only. */
    @Column(name = "owner_driver_id")
    public UUID ownerDriverId;
    /** The site's load limit (LoadLimit): A or W, and its value; both null when it has none. */
    @Column(name = "load_limit_unit")
    public String loadLimitUnit;
    @Column(name = "load_limit_value")
    public BigDecimal loadLimitValue;

    /** A page of the operator's sites by name, then id; of one kind and one owner, or all (null). */
    public static Page<Site> page(UUID operatorId, SiteKind kind, UUID ownerDriverId, PageRequest request) {
        return RegistryList.of(Site.class, LISTED, s -> List.of(s.name, s.id)).where("operatorId", operatorId)
                .where("kind", kind == null ? null : kind.name()).where("ownerDriverId", ownerDriverId)
                .page(request);
    }

    public LoadLimit loadLimit() {
        return loadLimitUnit == null ? null : new LoadLimit(loadLimitUnit, loadLimitValue);
    }

    public SiteKind siteKind() {
        return SiteKind.valueOf(kind);
    }

    @Override
    public SiteRecord toRecord() {
        return new SiteRecord(id, revision, operatorId, name, address.toAddress(), siteKind(), ownerDriverId,
                loadLimit());
    }
}
