package org.evsettle.gateway;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Hands out OCPP transactionIds from a PostgreSQL sequence. A StartTransaction is identified by its
 * charger, connector, idTag, meterStart and timestamp, so a charger that retries it (the answer got
 * lost) receives the same transactionId again. Blocking JDBC: call it from a worker thread.
 */
@ApplicationScoped
public class TransactionIds {

    private final AgroalDataSource dataSource;

    public TransactionIds(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
                    WHERE charge_point_id = ? AND connector_id = ? AND id_tag = ? AND meter_start = ? AND started_at = ?""")) {
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

    private static OptionalInt insert(Connection connection, String chargePointId, int connectorId, String idTag,
                                      long meterStart, Instant startedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO issued_transaction (charge_point_id, connector_id, id_tag, meter_start, started_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (charge_point_id, connector_id, id_tag, meter_start, started_at) DO NOTHING
                RETURNING transaction_id""")) {
            bind(insert, chargePointId, connectorId, idTag, meterStart, startedAt);
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
