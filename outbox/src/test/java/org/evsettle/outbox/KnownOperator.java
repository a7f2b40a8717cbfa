package org.evsettle.outbox;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.outbox.registry.KeptRegistry;
import org.evsettle.outbox.registry.RegistryCopy;
import org.evsettle.outbox.registry.RegistryTable;

/** The test application's copy of a registry operator: only its name. */
@Entity
@Table(name = "known_operator")
public class KnownOperator extends RegistryCopy<OperatorRecord> {

    @Column(name = "legal_name")
    public String legalName;

    @Override
    protected void copy(OperatorRecord record) {
        legalName = record.legalName();
    }

    /** The registry the test application keeps: operators. */
    public static class Kept {
        @Produces
        @Singleton
        KeptRegistry kept() {
            return KeptRegistry.of(RegistryTable.of(EventCatalog.OPERATOR, KnownOperator.class, KnownOperator::new));
        }
    }
}
