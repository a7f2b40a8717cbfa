package org.evsettle.sessions;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/** This service's copy of a registry site: its name, for the charge report. */
@Entity
@Table(name = "site")
public class Site extends RegistryCopy<SiteRecord> {

    public String name;

    @Override
    protected void copy(SiteRecord record) {
        name = record.name() == null ? "" : record.name();
    }
}
