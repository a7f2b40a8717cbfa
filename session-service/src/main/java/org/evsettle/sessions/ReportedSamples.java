package org.evsettle.sessions;

import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.sessions.EnergyReading;
import org.evsettle.sessions.ChargingTime.PowerReading;
import org.hibernate.Session;

/**
 * The samples and statuses of a batch of charger events, held until {@link #flush()} writes them with
 * one JDBC batch per table in the caller's transaction: most charger events are samples, and a
 * statement per sample would bound ingest by round trips. Each is kept by its natural key, so that
 * applying the same event again changes nothing: a sample by session and instant (a repeat keeps what
 * was stored first), a status by connector and instant (the one received last wins, as the charger
 * sends them in order; a repeat of an earlier one does not undo a later one).
 */
public final class ReportedSamples {

    private record Energy(UUID sessionId, EnergyReading reading, Instant receivedAt) {
    }

    private record Power(UUID sessionId, PowerReading reading) {
    }

    private record Status(String chargePointId, int connectorId, Instant at, String status, Instant receivedAt) {
    }

    private record ConnectorInstant(String chargePointId, int connectorId, Instant at) {
    }

    /** What a sample whose arrival the gateway did not say is taken to have arrived at: the batch's moment. */
    private final Instant now;
    private final List<Energy> energy = new ArrayList<>();
    private final List<Power> power = new ArrayList<>();
    /** One row per connector and instant: a statement may not update a row twice. */
    private final Map<ConnectorInstant, Status> statuses = new LinkedHashMap<>();

    public ReportedSamples(Instant now) {
        this.now = now;
    }

    public void energy(UUID sessionId, EnergyReading reading, Instant receivedAt) {
        energy.add(new Energy(sessionId, reading, receivedAt != null ? receivedAt : now));
    }

    public void power(UUID sessionId, PowerReading reading) {
        power.add(new Power(sessionId, reading));
    }

    public void status(String chargePointId, int connectorId, Instant at, String status, Instant receivedAt) {
        Status reported = new Status(chargePointId, connectorId, at, status, receivedAt != null ? receivedAt : at);
        statuses.merge(new ConnectorInstant(chargePointId, connectorId, at), reported,
                (held, later) -> later.receivedAt().isBefore(held.receivedAt()) ? held : later);
    }

    public boolean isEmpty() {
        return energy.isEmpty() && power.isEmpty() && statuses.isEmpty();
    }

    /** Writes what is held, in the current transaction, and starts empty again. */
    public void flush() {
        if (isEmpty()) {
            return;
        }
        Panache.getEntityManager().unwrap(Session.class).doWork(this::write);
        energy.clear();
        power.clear();
        statuses.clear();
    }

    private void write(Connection connection) throws SQLException {
        if (!energy.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO meter_sample (session_id, sampled_at, register_wh, received_at)
                    VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                for (Energy row : energy) {
                    insert.setObject(1, row.sessionId());
                    insert.setTimestamp(2, Timestamp.from(row.reading().at()));
                    insert.setLong(3, row.reading().registerWh());
                    insert.setTimestamp(4, Timestamp.from(row.receivedAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!power.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO power_sample (session_id, sampled_at, watts) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""")) {
                for (Power row : power) {
                    insert.setObject(1, row.sessionId());
                    insert.setTimestamp(2, Timestamp.from(row.reading().at()));
                    insert.setLong(3, row.reading().watts());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!statuses.isEmpty()) {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO connector_status (charge_point_id, connector_id, changed_at, status, received_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (charge_point_id, connector_id, changed_at)
                    DO UPDATE SET status = excluded.status, received_at = excluded.received_at
                    WHERE connector_status.received_at <= excluded.received_at""")) {
                for (Status row : statuses.values()) {
                    upsert.setString(1, row.chargePointId());
                    upsert.setInt(2, row.connectorId());
                    upsert.setTimestamp(3, Timestamp.from(row.at()));
                    upsert.setString(4, row.status());
                    upsert.setTimestamp(5, Timestamp.from(row.receivedAt()));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    }
}
