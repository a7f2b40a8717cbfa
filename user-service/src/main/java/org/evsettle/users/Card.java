package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import io.quarkus.panache.common.Sort;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.CardRecord;

/** A charge card (RFID) of a driver; its idTag is stored in the normal form of {@code IdTags}. */
@Entity
@Table(name = "card")
public class Card extends PanacheEntityBase {

    /** Whether the card authorizes charging, and if not, why not. */
    public enum Status { ACTIVE, BLOCKED, LOST, EXPIRED }

    @Id
    public UUID id;
    @Version
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "driver_id")
    public UUID driverId;
    @Column(name = "id_tag")
    public String idTag;
    public String label;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "valid_until")
    public LocalDate validUntil;

    public static List<Card> ofDriver(UUID driverId) {
        return list("driverId", Sort.by("idTag"), driverId);
    }

    public CardRecord toRecord() {
        return new CardRecord(id, revision, operatorId, driverId, idTag, label, status, statusReason, validUntil);
    }
}
