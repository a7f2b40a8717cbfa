package org.evsettle.invoices;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/** The invoice service's copy of a registry site: where a session took place, named on its line. */
@Entity
@Table(name = "site")
public class Site extends RegistryCopy<SiteRecord> {

    @Column(name = "operator_id")
    public UUID operatorId;
    public String name;
    @Embedded
    public PostalAddress address;

    @Override
    protected void copy(SiteRecord record) {
        operatorId = record.operatorId();
        name = record.name();
        address = PostalAddress.of(record.address());
    }
}
