package org.evsettle.tariffs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.evsettle.events.registry.SiteRecord;

/** The tariff service's copy of a registry site: enough to check that a site's tariff names a site of its operator. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase implements RegistryCopy<SiteRecord> {

    @Id
    public UUID id;
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public void copy(SiteRecord record) {
        id = record.id();
        revision = record.revision();
        operatorId = record.operatorId();
    }

    public static boolean ofOperator(UUID siteId, UUID operatorId) {
        return Site.<Site>findByIdOptional(siteId).filter(s -> s.operatorId.equals(operatorId)).isPresent();
    }
}
