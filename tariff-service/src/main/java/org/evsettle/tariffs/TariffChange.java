package org.evsettle.tariffs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A note, written in the same transaction as a new tariff or version, that the operator's waiting
 * unpriced sessions must be checked against its tariffs again. {@link WaitingSessions} works it off
 * and deletes it; after a crash it is still there, so no waiting session is forgotten.
 */
@Entity
@Table(name = "tariff_change")
public class TariffChange extends PanacheEntityBase {

    @Id
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "changed_at")
    public Instant changedAt;

    /** Records (or moves forward) the note for this operator. */
    public static void record(UUID operatorId) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO tariff_change (operator_id, changed_at) VALUES (?1, ?2)
                        ON CONFLICT (operator_id) DO UPDATE SET changed_at = EXCLUDED.changed_at""")
                .setParameter(1, operatorId)
                .setParameter(2, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
    }
}
