package org.evsettle.gateway.configuration;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome per charger and configuration key of its last boot's configuration (table
 * {@code charger_configuration_key}, shared by every replica), which is also the memory of the values a
 * charger refused. Blocking JDBC: call it from a worker thread.
 */
@ApplicationScoped
public class ConfigurationOutcomes {

    private final AgroalDataSource dataSource;

    public ConfigurationOutcomes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The charger's outcomes by key, in key order. */
    public Map<String, KeyOutcome> of(String chargePointId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT config_key, profile, wanted_value, reported_value, result, detail, checked_at, sent_at
                     FROM charger_configuration_key WHERE charge_point_id = ? ORDER BY config_key""")) {
            select.setString(1, chargePointId);
            Map<String, KeyOutcome> outcomes = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    outcomes.put(row.getString(1), new KeyOutcome(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), KeyOutcome.Result.valueOf(row.getString(5)), row.getString(6),
                            instant(row.getTimestamp(7)), instant(row.getTimestamp(8))));
                }
            }
            return outcomes;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the configuration of " + chargePointId + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the charger's outcomes with these, in one transaction (keys its profile no longer sets go). */
    public void replace(String chargePointId, Collection<KeyOutcome> outcomes) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM charger_configuration_key WHERE charge_point_id = ?");
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO charger_configuration_key (charge_point_id, config_key, profile, wanted_value,
                             reported_value, result, detail, checked_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                delete.setString(1, chargePointId);
                delete.executeUpdate();
                for (KeyOutcome outcome : outcomes) {
                    insert.setString(1, chargePointId);
                    insert.setString(2, outcome.key());
                    insert.setString(3, outcome.profile());
                    insert.setString(4, outcome.wantedValue());
                    insert.setString(5, outcome.reportedValue());
                    insert.setString(6, outcome.result().name());
                    insert.setString(7, outcome.detail());
                    insert.setTimestamp(8, Timestamp.from(outcome.checkedAt()));
                    insert.setTimestamp(9, outcome.sentAt() == null ? null : Timestamp.from(outcome.sentAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the configuration of " + chargePointId + ": " + e.getMessage(), e);
        }
    }

    /** The outcomes as a list, in key order. */
    public List<KeyOutcome> list(String chargePointId) {
        return new ArrayList<>(of(chargePointId).values());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
