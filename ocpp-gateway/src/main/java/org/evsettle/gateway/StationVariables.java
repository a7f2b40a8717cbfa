package org.evsettle.gateway;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What OCPP 2.0.1 stations reported of their device model (NotifyReport): the latest value of each
 * variable attribute per station, so that a GetBaseReport's outcome can be read back. Blocking JDBC.
 */
@ApplicationScoped
public class StationVariables {

    /** One variable attribute: component is name[.instance][@evse[.connector]], variable name[.instance]. */
    public record Reported(String component, String variable, String attributeType, String value, String mutability) {
    }

    private final AgroalDataSource dataSource;

    public StationVariables(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void reported(String chargePointId, List<Reported> variables, Instant at) {
        if (variables.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO station_variable (charge_point_id, component, variable, attribute_type, value, mutability,
                         reported_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (charge_point_id, component, variable, attribute_type) DO UPDATE
                         SET value = excluded.value, mutability = excluded.mutability, reported_at = excluded.reported_at
                     WHERE station_variable.reported_at <= excluded.reported_at""")) {
            for (Reported variable : variables) {
                upsert.setString(1, chargePointId);
                upsert.setString(2, variable.component());
                upsert.setString(3, variable.variable());
                upsert.setString(4, variable.attributeType());
                upsert.setString(5, variable.value());
                upsert.setString(6, variable.mutability());
                upsert.setObject(7, at.atOffset(ZoneOffset.UTC));
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the variables " + chargePointId + " reported: " + e.getMessage(), e);
        }
    }

    /** Everything this station reported, by component and variable. */
    public List<Reported> of(String chargePointId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT component, variable, attribute_type, value, mutability FROM station_variable
                     WHERE charge_point_id = ? ORDER BY component, variable, attribute_type""")) {
            select.setString(1, chargePointId);
            List<Reported> variables = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    variables.add(new Reported(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5)));
                }
            }
            return variables;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the variables of " + chargePointId + ": " + e.getMessage(), e);
        }
    }
}
