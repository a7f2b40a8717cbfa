package org.evsettle.gateway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Which replica holds each charger's socket, and what the charger last told the gateway (boot,
 * connector statuses, last seen), in the gateway's database so that every replica routes commands
 * and answers the connection API alike. Changes are written by one thread in the order they
 * happened, in batches, so that a storm of reconnects costs few round trips and never blocks an
 * event loop; reads are plain JDBC (call them from a worker thread).
 */
@ApplicationScoped
public class ChargerPresence {

    private static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final GatewayReplica replica;
    private final Clock clock;
    private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
    private volatile Thread writer;
    private volatile boolean running;

    public ChargerPresence(AgroalDataSource dataSource, GatewayReplica replica, Clock clock) {
        this.dataSource = dataSource;
        this.replica = replica;
        this.clock = clock;
    }

    /** Where a charger's socket is: the replica holding it, and whether that replica is alive. */
    public record Holder(String replicaId, String connectionId, boolean alive) {
    }

    /** This replica now holds the charger's socket. */
    public void claimed(String chargePointId, String connectionId, String subprotocol, Instant at) {
        enqueue(new Change("""
                INSERT INTO charger_presence (charge_point_id, replica_id, connection_id, connected_at, last_seen,
                    subprotocol)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (charge_point_id) DO UPDATE SET replica_id = excluded.replica_id,
                    connection_id = excluded.connection_id, connected_at = excluded.connected_at,
                    last_seen = excluded.last_seen, disconnected_at = NULL, subprotocol = excluded.subprotocol""",
                List.of(chargePointId, replica.id(), connectionId, ts(at), ts(at), subprotocol)));
    }

    /** The socket closed; nothing changes if another connection claimed the charger since. */
    public void released(String chargePointId, String connectionId, Instant at) {
        enqueue(new Change("""
                UPDATE charger_presence SET disconnected_at = ?, last_seen = GREATEST(last_seen, ?)
                WHERE charge_point_id = ? AND connection_id = ?""",
                List.of(ts(at), ts(at), chargePointId, connectionId)));
    }

    public void booted(String chargePointId, String vendor, String model, String firmwareVersion, String registration) {
        enqueue(new Change("""
                UPDATE charger_presence SET vendor = ?, model = ?, firmware_version = ?, registration_status = ?
                WHERE charge_point_id = ?""",
                Arrays.asList(vendor, model, firmwareVersion, registration, chargePointId)));
    }

    public void statusChanged(String chargePointId, ConnectorStatus status, String info, Instant receivedAt) {
        enqueue(new Change("""
                INSERT INTO connector_status (charge_point_id, connector_id, status, error_code, info, reported_at, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (charge_point_id, connector_id) DO UPDATE SET status = excluded.status,
                    error_code = excluded.error_code, info = excluded.info, reported_at = excluded.reported_at,
                    received_at = excluded.received_at
                WHERE connector_status.reported_at <= excluded.reported_at""",
                Arrays.asList(chargePointId, status.connectorId(), status.status(), status.errorCode(), info,
                        ts(status.timestamp()), ts(receivedAt))));
    }

    /** When each of these chargers was last heard on this replica. */
    public void seen(Map<String, Instant> lastSeen) {
        lastSeen.forEach((chargePointId, at) -> enqueue(new Change("""
                UPDATE charger_presence SET last_seen = GREATEST(last_seen, ?)
                WHERE charge_point_id = ? AND replica_id = ?""", List.of(ts(at), chargePointId, replica.id()))));
    }

    /** The replica holding the charger's socket now, if any holds it. */
    public Optional<Holder> holder(String chargePointId) {
        return query("""
                SELECT p.replica_id, p.connection_id, r.heartbeat_at > ? FROM charger_presence p
                LEFT JOIN gateway_replica r ON r.replica_id = p.replica_id
                WHERE p.charge_point_id = ? AND p.disconnected_at IS NULL""",
                List.of(ts(clock.instant().minus(replica.deadAfter())), chargePointId),
                row -> new Holder(row.getString(1), row.getString(2), row.getBoolean(3)));
    }

    /** What the gateway knows of the charger's connection, whichever replica holds it. */
    public ConnectionSnapshot snapshot(String chargePointId) {
        Optional<ConnectionSnapshot> presence = query("""
                SELECT p.disconnected_at IS NULL AND COALESCE(r.heartbeat_at > ?, false), p.connected_at, p.last_seen,
                       p.vendor, p.model, p.firmware_version, p.registration_status, p.replica_id,
                       p.subprotocol
                FROM charger_presence p LEFT JOIN gateway_replica r ON r.replica_id = p.replica_id
                WHERE p.charge_point_id = ?""",
                List.of(ts(clock.instant().minus(replica.deadAfter())), chargePointId),
                row -> new ConnectionSnapshot(row.getBoolean(1), instant(row.getTimestamp(2)),
                        instant(row.getTimestamp(3)), row.getString(4), row.getString(5), row.getString(6),
                        row.getString(7), row.getString(8), row.getString(9), connectors(chargePointId)));
        return presence.orElseGet(() -> {
            List<ConnectorStatus> connectors = connectors(chargePointId);
            return connectors.isEmpty() ? ConnectionSnapshot.never() : ConnectionSnapshot.never().withConnectors(connectors);
        });
    }

    /** Of these chargers, the ones another replica claimed, with when its connection opened. */
    public Map<String, Instant> claimedElsewhere(Set<String> chargePointIds) {
        Map<String, Instant> claimed = new HashMap<>();
        if (chargePointIds.isEmpty()) {
            return claimed;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT charge_point_id, connected_at FROM charger_presence
                     WHERE charge_point_id = ANY (?) AND replica_id <> ? AND disconnected_at IS NULL""")) {
            select.setArray(1, connection.createArrayOf("text", chargePointIds.toArray()));
            select.setString(2, replica.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    claimed.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the presence of other replicas: " + e.getMessage(), e);
        }
        return claimed;
    }

    /** Proves this replica alive (and registers it the first time). */
    public void heartbeat() {
        execute("""
                INSERT INTO gateway_replica (replica_id, started_at, heartbeat_at) VALUES (?, ?, ?)
                ON CONFLICT (replica_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at""",
                List.of(replica.id(), ts(clock.instant()), ts(clock.instant())));
    }

    /** A clean stop: this replica's chargers are disconnected and the replica is gone. */
    public void leave() {
        flush(Long.MAX_VALUE);
        execute("UPDATE charger_presence SET disconnected_at = ? WHERE replica_id = ? AND disconnected_at IS NULL",
                List.of(ts(clock.instant()), replica.id()));
        execute("DELETE FROM gateway_replica WHERE replica_id = ?", List.of(replica.id()));
    }

    public void start() {
        running = true;
        writer = new Thread(this::write, "presence-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public void stop() {
        running = false;
        Thread current = writer;
        if (current != null) {
            current.interrupt();
            try {
                current.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits (at most the timeout) until every change queued so far is written. */
    public void flush(long timeoutMillis) {
        if (!running) {
            return;
        }
        CountDownLatch written = new CountDownLatch(1);
        changes.add(new Change(null, List.of(), written));
        try {
            written.await(Math.min(timeoutMillis, 30_000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(Change change) {
        changes.add(change);
    }

    private void write() {
        List<Change> batch = new ArrayList<>(BATCH);
        while (running || !changes.isEmpty()) {
            try {
                Change first = changes.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                changes.drainTo(batch, BATCH - 1);
                writeBatch(batch);
                batch.clear();
            } catch (InterruptedException e) {
                if (!running) {
                    changes.drainTo(batch);
                    writeQuietly(batch);
                    return;
                }
            } catch (RuntimeException e) {
                // the presence is a view for routing and the API: a lost change heals with the next one
                Log.warnf("Could not record %d presence changes: %s", batch.size(), e.toString());
                batch.clear();
            }
        }
    }

    private void writeQuietly(List<Change> batch) {
        try {
            writeBatch(batch);
        } catch (RuntimeException e) {
            Log.warnf("Could not record %d presence changes at shutdown: %s", batch.size(), e.toString());
        }
    }

    private void writeBatch(List<Change> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (Change change : batch) {
                    if (change.sql() == null) {
                        continue;
                    }
                    try (PreparedStatement statement = connection.prepareStatement(change.sql())) {
                        bind(statement, change.parameters());
                        statement.executeUpdate();
                    }
                }
                connection.commit();
                batch.stream().filter(change -> change.written() != null).forEach(change -> change.written().countDown());
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private List<ConnectorStatus> connectors(String chargePointId) {
        List<ConnectorStatus> connectors = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT connector_id, status, error_code, reported_at FROM connector_status
                     WHERE charge_point_id = ? ORDER BY connector_id""")) {
            select.setString(1, chargePointId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    connectors.add(new ConnectorStatus(rows.getInt(1), rows.getString(2), rows.getString(3),
                            instant(rows.getTimestamp(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the connectors of " + chargePointId + ": " + e.getMessage(), e);
        }
        return connectors;
    }

    private void execute(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private <T> Optional<T> query(String sql, List<Object> parameters, Row<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One statement to run; a marker without sql only reports that everything before it is written. */
    private record Change(String sql, List<Object> parameters, CountDownLatch written) {
        Change(String sql, List<Object> parameters) {
            this(sql, parameters, null);
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }
}
