package org.evsettle.tariffs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/** The tariff service's copy of a registry site: enough to check that a site's tariff names a site of its operator. */
@Entity
@Table(name = "site")
public class Site extends RegistryCopy<SiteRecord> {

    @Column(name = "operator_id")
    public UUID operatorId;

    @Override
    protected void copy(SiteRecord record) {
        operatorId = record.operatorId();
    }

    public static boolean ofOperator(UUID siteId, UUID operatorId) {
        return Site.<Site>findByIdOptional(siteId).filter(s -> s.operatorId.equals(operatorId)).isPresent();
    }
}
