package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.evsettle.events.registry.SiteRecord;

/** A place where an operator's chargers stand: a parking garage, a street, an office. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase implements RegistryEntity {

    @Id
    public UUID id;
    @Version
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    public String name;
    @Embedded
    public PostalAddress address;

    @Override
    public SiteRecord toRecord() {
        return new SiteRecord(id, revision, operatorId, name, address.toAddress());
    }
}
