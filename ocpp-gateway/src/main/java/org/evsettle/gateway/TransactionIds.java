package org.evsettle.gateway;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.evsettle.events.registry.IdTags;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * Hands out OCPP transactionIds from a PostgreSQL identity column: unique across restarts and
 * replicas, and within a signed 32-bit integer as OCPP requires. A StartTransaction is identified by
 * its charger, connector, idTag, meterStart and timestamp, so a charger that retries it (the answer
 * got lost) receives the same transactionId again. It also knows which cards are in an open
 * transaction, for ConcurrentTx. An OCPP 2.0.1 station names its transactions itself (a string): each
 * gets one int transactionId too, mapped both ways. Blocking JDBC: call it from a worker thread.
 */
@ApplicationScoped
public class TransactionIds {

    /** Whether a card is in an open transaction at another charger (not stopped, not superseded on its connector, recent). */
    private static final String OPEN_ELSEWHERE = """
            SELECT EXISTS (SELECT 1 FROM issued_transaction o
                WHERE o.id_tag_normalized = ? AND o.charge_point_id <> ? AND o.stopped_at IS NULL AND o.started_at > ?
                  AND NOT EXISTS (SELECT 1 FROM issued_transaction n
                      WHERE n.charge_point_id = o.charge_point_id AND n.connector_id = o.connector_id
                        AND n.started_at > o.started_at))""";

    private final AgroalDataSource dataSource;
    private final Duration openWindow;

    public TransactionIds(AgroalDataSource dataSource, GatewaySettings settings) {
        this.dataSource = dataSource;
        this.openWindow = settings.concurrentTxWindow();
    }

    /** The transactionId of this StartTransaction, issued now or when it first arrived. */
    public int issue(String chargePointId, int connectorId, String idTag, long meterStart, Instant startedAt) {
        try (Connection connection = dataSource.getConnection()) {
            OptionalInt inserted = insert(connection, chargePointId, connectorId, idTag, meterStart, startedAt);
            if (inserted.isPresent()) {
                return inserted.getAsInt();
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT transaction_id FROM issued_transaction
                    WHERE charge_point_id = ? AND connector_id = ? AND id_tag = ? AND meter_start = ? AND started_at = ?
                      AND station_transaction_id IS NULL""")) {
                bind(select, chargePointId, connectorId, idTag, meterStart, startedAt);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("StartTransaction of " + chargePointId + " neither inserted nor found");
                    }
                    return row.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot issue a transactionId for " + chargePointId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The gateway's transactionId of an OCPP 2.0.1 station's transaction (named by the station's own
     * string transactionId), issued by whichever of its events arrives first and found by every later
     * one: a transaction whose Started was lost still gets one id. evseId is kept as its connector,
     * idToken (null before the driver identified) for ConcurrentTx.
     */
    public StationTransactionId issueForStation(String chargePointId, String stationTransactionId, int evseId,
                                                String idToken, long meterStart, Instant startedAt) {
        String idTag = idToken != null ? idToken : "";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO issued_transaction (charge_point_id, connector_id, id_tag, meter_start, started_at,
                        id_tag_normalized, station_transaction_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (charge_point_id, station_transaction_id) WHERE station_transaction_id IS NOT NULL
                    DO NOTHING
                    RETURNING transaction_id""")) {
                bind(insert, chargePointId, evseId, idTag, meterStart, startedAt);
                insert.setString(6, IdTags.normalize(idTag));
                insert.setString(7, stationTransactionId);
                try (ResultSet row = insert.executeQuery()) {
                    if (row.next()) {
                        return new StationTransactionId(row.getInt(1), true, false);
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT transaction_id, started_announced_at IS NOT NULL FROM issued_transaction
                    WHERE charge_point_id = ? AND station_transaction_id = ?""")) {
                select.setString(1, chargePointId);
                select.setString(2, stationTransactionId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("Transaction " + stationTransactionId + " of " + chargePointId
                                + " neither inserted nor found");
                    }
                    return new StationTransactionId(row.getInt(1), false, row.getBoolean(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot issue a transactionId for " + stationTransactionId + " of "
                    + chargePointId + ": " + e.getMessage(), e);
        }
    }

    /** The gateway's transactionId of a 2.0.1 station's transaction, if one of its events arrived. */
    public OptionalInt transactionId(String chargePointId, String stationTransactionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT transaction_id FROM issued_transaction
                     WHERE charge_point_id = ? AND station_transaction_id = ?""")) {
            select.setString(1, chargePointId);
            select.setString(2, stationTransactionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up transaction " + stationTransactionId + ": " + e.getMessage(), e);
        }
    }

    /** The station's own transactionId of a transaction the gateway numbered; empty for a 1.6 one or an id it never issued to this charger. */
    public Optional<String> stationTransactionId(String chargePointId, int transactionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT station_transaction_id FROM issued_transaction
                     WHERE transaction_id = ? AND charge_point_id = ? AND station_transaction_id IS NOT NULL""")) {
            select.setInt(1, transactionId);
            select.setString(2, chargePointId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up transaction " + transactionId + ": " + e.getMessage(), e);
        }
    }

    /** True when this 2.0.1 station's transaction (named by its own transactionId) has a stop at the gateway. */
    public boolean hasEnded(String chargePointId, String stationTransactionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT EXISTS (SELECT 1 FROM issued_transaction
                         WHERE charge_point_id = ? AND station_transaction_id = ? AND stopped_at IS NOT NULL)""")) {
            select.setString(1, chargePointId);
            select.setString(2, stationTransactionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up transaction " + stationTransactionId + ": " + e.getMessage(), e);
        }
    }

    /** The card a 2.0.1 transaction was issued with (its Started's idToken), if it had one. */
    public Optional<String> idTag(String chargePointId, int transactionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id_tag FROM issued_transaction
                     WHERE transaction_id = ? AND charge_point_id = ? AND id_tag <> ''""")) {
            select.setInt(1, transactionId);
            select.setString(2, chargePointId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up transaction " + transactionId + ": " + e.getMessage(), e);
        }
    }

    /** Records that the TransactionStarted of a 2.0.1 transaction was acknowledged, so that its later events do not announce it again. */
    public void startAnnounced(int transactionId, Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE issued_transaction SET started_announced_at = ?
                     WHERE transaction_id = ? AND started_announced_at IS NULL""")) {
            update.setObject(1, at.atOffset(ZoneOffset.UTC));
            update.setInt(2, transactionId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the start of " + transactionId + ": " + e.getMessage(), e);
        }
    }

    /** The transaction if this charger was given this id; empty for an id we never issued to it. */
    public Optional<IssuedTransaction> find(String chargePointId, int transactionId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT connector_id FROM issued_transaction WHERE transaction_id = ? AND charge_point_id = ?")) {
            select.setInt(1, transactionId);
            select.setString(2, chargePointId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new IssuedTransaction(transactionId, chargePointId, row.getInt(1)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up transaction " + transactionId + ": " + e.getMessage(), e);
        }
    }

    /** Records the stop of a transaction we issued (the first stop counts; a repeat changes nothing). */
    public void stopped(String chargePointId, int transactionId, Instant stoppedAt) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE issued_transaction SET stopped_at = ?
                     WHERE transaction_id = ? AND charge_point_id = ? AND stopped_at IS NULL""")) {
            update.setObject(1, stoppedAt.atOffset(ZoneOffset.UTC));
            update.setInt(2, transactionId);
            update.setString(3, chargePointId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the stop of " + transactionId + ": " + e.getMessage(), e);
        }
    }

    /**
     * True when the card is in an open transaction at another charger than this one: started within
     * the window, not stopped, and not followed by a newer start on its connector (a charger that
     * never sent its stop does not block the card for ever).
     */
    public boolean isOpenElsewhere(String idTag, String chargePointId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(OPEN_ELSEWHERE)) {
            select.setString(1, IdTags.normalize(idTag));
            select.setString(2, chargePointId);
            select.setTimestamp(3, Timestamp.from(now.minus(openWindow)));
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up open transactions: " + e.getMessage(), e);
        }
    }

    private static OptionalInt insert(Connection connection, String chargePointId, int connectorId, String idTag,
                                      long meterStart, Instant startedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO issued_transaction (charge_point_id, connector_id, id_tag, meter_start, started_at, id_tag_normalized)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (charge_point_id, connector_id, id_tag, meter_start, started_at)
                    WHERE station_transaction_id IS NULL DO NOTHING
                RETURNING transaction_id""")) {
            bind(insert, chargePointId, connectorId, idTag, meterStart, startedAt);
            insert.setString(6, IdTags.normalize(idTag));
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private static void bind(PreparedStatement statement, String chargePointId, int connectorId, String idTag,
                             long meterStart, Instant startedAt) throws SQLException {
        statement.setString(1, chargePointId);
        statement.setInt(2, connectorId);
        statement.setString(3, idTag);
        statement.setLong(4, meterStart);
        statement.setObject(5, startedAt.atOffset(ZoneOffset.UTC));
    }
}
