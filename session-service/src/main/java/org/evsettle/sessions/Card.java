package org.evsettle.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/**
 * This service's copy of a registry charge card: its label, for the charge report; its operator, driver and
 * normalized idTag, to match a Zaptec token to the card.
 */
@Entity
@Table(name = "card")
public class Card extends RegistryCopy<CardRecord> {

    public String label;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "id_tag")
    public String idTag;

    @Override
    protected void copy(CardRecord record) {
        label = record.label();
        operatorId = record.operatorId();
        driverId = record.driverId();
        idTag = record.idTag();
    }
}
