package org.evsettle.sessions;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/** This service's copy of a registry charge card: its label, for the charge report. */
@Entity
@Table(name = "card")
public class Card extends RegistryCopy<CardRecord> {

    public String label;

    @Override
    protected void copy(CardRecord record) {
        label = record.label();
    }
}
