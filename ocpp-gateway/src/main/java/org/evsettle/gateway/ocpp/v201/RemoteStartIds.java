package org.evsettle.gateway.ocpp.v201;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The remoteStartIds of RequestStartTransaction, from a PostgreSQL sequence (V13) so that no two replicas
 * or runs hand a station the same one. Blocking JDBC: call it from a worker thread.
 */
@ApplicationScoped
public class RemoteStartIds {

    private final AgroalDataSource dataSource;

    public RemoteStartIds(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A remoteStartId not handed out before. */
    public int next() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement next = connection.prepareStatement("SELECT nextval('remote_start_id')");
             ResultSet row = next.executeQuery()) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot draw a remoteStartId: " + e.getMessage(), e);
        }
    }
}
