package org.evsettle.gateway.loadbalancing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * What a site's load sharing reads and keeps in the gateway's database: the sessions charging at a site's chargers
 * (open transactions, the newest on each connector, within the ConcurrentTx window), the limit last sent to each,
 * and a lock per site that serializes sharing across replicas. Blocking JDBC: call it from a worker thread.
 */
@ApplicationScoped
public class SiteLoads {

    private static final String OPEN_AT = """
            SELECT o.charge_point_id, o.connector_id, o.transaction_id FROM issued_transaction o
            WHERE o.charge_point_id = ANY (?) AND o.stopped_at IS NULL AND o.started_at > ?
              AND NOT EXISTS (SELECT 1 FROM issued_transaction n
                  WHERE n.charge_point_id = o.charge_point_id AND n.connector_id = o.connector_id
                    AND n.started_at > o.started_at)
            ORDER BY o.started_at, o.transaction_id""";

    private final AgroalDataSource dataSource;
    private final GatewaySettings settings;

    public SiteLoads(AgroalDataSource dataSource, GatewaySettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** A session charging at a charger of the site. */
    public record Charging(String chargePointId, int connectorId, int transactionId) {
    }

    /** The limit last sent to a session's charger, and how it answered. */
    public record Allocation(String chargePointId, int connectorId, int transactionId, String unit, BigDecimal limit,
                             String outcome, Instant sentAt) {
    }

    /** The sessions charging at these chargers now, oldest first. */
    public List<Charging> chargingAt(Collection<String> chargePointIds, Instant now) {
        if (chargePointIds.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(OPEN_AT)) {
            select.setArray(1, connection.createArrayOf("text", chargePointIds.toArray()));
            select.setObject(2, now.minus(settings.concurrentTxWindow()).atOffset(ZoneOffset.UTC));
            List<Charging> charging = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    charging.add(new Charging(row.getString(1), row.getInt(2), row.getInt(3)));
                }
            }
            return charging;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the sessions charging at a site", e);
        }
    }

    public List<Allocation> allocations(UUID siteId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT charge_point_id, connector_id, transaction_id, unit, limit_value, outcome, sent_at
                     FROM site_load_allocation WHERE site_id = ? ORDER BY charge_point_id, connector_id""")) {
            select.setObject(1, siteId);
            List<Allocation> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new Allocation(row.getString(1), row.getInt(2), row.getInt(3), row.getString(4),
                            row.getBigDecimal(5), row.getString(6), row.getTimestamp(7).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a site's load allocation", e);
        }
    }

    /** Keeps what was sent to a session's charger, replacing what was sent to that connector before. */
    public void sent(UUID siteId, Allocation allocation) {
        update("""
                INSERT INTO site_load_allocation (site_id, charge_point_id, connector_id, transaction_id, unit,
                                                  limit_value, outcome, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (site_id, charge_point_id, connector_id) DO UPDATE SET transaction_id = EXCLUDED.transaction_id,
                    unit = EXCLUDED.unit, limit_value = EXCLUDED.limit_value, outcome = EXCLUDED.outcome,
                    sent_at = EXCLUDED.sent_at""",
                siteId, allocation.chargePointId(), allocation.connectorId(), allocation.transactionId(),
                allocation.unit(), allocation.limit(), allocation.outcome(), allocation.sentAt().atOffset(ZoneOffset.UTC));
    }

    /** Forgets the allocation of a session that no longer charges there. */
    public void ended(UUID siteId, Allocation allocation) {
        update("DELETE FROM site_load_allocation WHERE site_id = ? AND charge_point_id = ? AND connector_id = ?",
                siteId, allocation.chargePointId(), allocation.connectorId());
    }

    /**
     * Runs work holding the site's lock, which every replica takes before it shares a site out (a PostgreSQL
     * advisory lock on the site, held by this connection until work is done).
     */
    public void locked(UUID siteId, Runnable work) {
        long key = siteId.getMostSignificantBits() ^ siteId.getLeastSignificantBits();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
            }
            try {
                work.run();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, key);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock a site's load sharing", e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep a site's load allocation", e);
        }
    }
}
