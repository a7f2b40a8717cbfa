package org.evsettle.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.evsettle.events.registry.SiteRecord;

/** The invoice service's copy of a registry site: where a session took place, named on its line. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The registry's revision of this state, not a local version. */
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    public String name;
    @Embedded
    public PostalAddress address;

    /** Takes over the record's state. */
    public void copy(SiteRecord record) {
        id = record.id();
        revision = record.revision();
        operatorId = record.operatorId();
        name = record.name();
        address = PostalAddress.of(record.address());
    }
}
