package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.evsettle.sessions.ChargingTime.StatusChange;

/**
 * A StatusNotification of one connector (table {@code connector_status}), kept to tell a session's
 * charging time from its idle time. Written in bulk by {@link ReportedSamples}.
 */
@Entity
@Table(name = "connector_status")
@IdClass(ConnectorStatus.Key.class)
public class ConnectorStatus extends PanacheEntityBase {

    @Id
    @Column(name = "charge_point_id")
    public String chargePointId;
    @Id
    @Column(name = "connector_id")
    public int connectorId;
    @Id
    @Column(name = "changed_at")
    public Instant changedAt;
    public String status;
    @Column(name = "received_at")
    public Instant receivedAt;

    /** The connector's changes within start..stop, preceded by the last one at or before the start. */
    public static List<StatusChange> around(String chargePointId, int connectorId, Instant start, Instant stop) {
        List<StatusChange> changes = new ArrayList<>();
        ConnectorStatus.<ConnectorStatus>find("chargePointId = ?1 and connectorId = ?2 and changedAt <= ?3"
                        + " order by changedAt desc", chargePointId, connectorId, start)
                .firstResultOptional()
                .ifPresent(last -> changes.add(new StatusChange(last.changedAt, last.status)));
        ConnectorStatus.<ConnectorStatus>list("chargePointId = ?1 and connectorId = ?2 and changedAt > ?3"
                        + " and changedAt < ?4 order by changedAt", chargePointId, connectorId, start, stop)
                .forEach(change -> changes.add(new StatusChange(change.changedAt, change.status)));
        return changes;
    }

    /** The primary key: one status per connector and instant. */
    public static class Key implements Serializable {

        public String chargePointId;
        public int connectorId;
        public Instant changedAt;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(chargePointId, key.chargePointId)
                    && connectorId == key.connectorId && Objects.equals(changedAt, key.changedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chargePointId, connectorId, changedAt);
        }
    }
}
