package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.evsettle.events.registry.SiteRecord;

/** What this service knows of a site from {@code registry.sites}: its name, for the charge report. */
@Entity
@Table(name = "registered_site")
public class RegisteredSite extends PanacheEntityBase {

    @Id
    public UUID id;
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    public String name;

    /** Takes the record's state if it is newer than what is stored; returns whether it did. */
    public static boolean project(SiteRecord record) {
        RegisteredSite site = RegisteredSite.<RegisteredSite>findByIdOptional(record.id()).orElse(null);
        if (site != null && site.revision >= record.revision()) {
            return false;
        }
        if (site == null) {
            site = new RegisteredSite();
            site.id = record.id();
        }
        site.revision = record.revision();
        site.operatorId = record.operatorId();
        site.name = record.name() == null ? "" : record.name();
        site.persist();
        return true;
    }
}
