package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.evsettle.events.registry.CardRecord;

/** What this service knows of a charge card from {@code registry.cards}: its label, for the charge report. */
@Entity
@Table(name = "registered_card")
public class RegisteredCard extends PanacheEntityBase {

    @Id
    public UUID id;
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "id_tag")
    public String idTag;
    public String label;

    /** Takes the record's state if it is newer than what is stored; returns whether it did. */
    public static boolean project(CardRecord record) {
        RegisteredCard card = RegisteredCard.<RegisteredCard>findByIdOptional(record.id()).orElse(null);
        if (card != null && card.revision >= record.revision()) {
            return false;
        }
        if (card == null) {
            card = new RegisteredCard();
            card.id = record.id();
        }
        card.revision = record.revision();
        card.operatorId = record.operatorId();
        card.driverId = record.driverId();
        card.idTag = record.idTag() == null ? "" : record.idTag();
        card.label = record.label();
        card.persist();
        return true;
    }
}
