package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.UUID;
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

    /** A page of the operator's sites by name, then id. */
    public static Page<Site> page(UUID operatorId, PageRequest request) {
        return RegistryList.of(Site.class, LISTED, s -> List.of(s.name, s.id)).where("operatorId", operatorId)
                .page(request);
    }

    @Override
    public SiteRecord toRecord() {
        return new SiteRecord(id, revision, operatorId, name, address.toAddress());
    }
}
