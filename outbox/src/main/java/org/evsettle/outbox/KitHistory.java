package org.evsettle.outbox;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The kit's migrations (outbox, processed, parked and quarantined events, in {@code db/kit}) keep their
 * own Flyway history ({@code kit_schema_history}, on the {@code kit} datasource), so that a kit version
 * can never clash with a service's. A database made before that recorded the kit's first migration,
 * 0.1, in the service's history; this hands such rows over: they are taken out of the service's
 * history before it is validated, and the kit's history records them again (its 0.1 creates nothing
 * that exists).
 */
@Singleton
public class KitHistory implements FlywayConfigurationCustomizer {

    /** Versions below 1 are the kit's; a service's own migrations start at V1. */
    private static final String KIT_ROWS = "DELETE FROM %s WHERE version LIKE '0.%%'";

    @Override
    public void customize(FluentConfiguration configuration) {
        String table = configuration.getTable();
        configuration.callbacks(new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                try {
                    if (exists(context, table)) {
                        try (PreparedStatement delete = context.getConnection()
                                .prepareStatement(String.format(KIT_ROWS, table))) {
                            delete.executeUpdate();
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot hand the kit's migrations over to their own history", e);
                }
            }

            @Override
            public String getCallbackName() {
                return "kit-history-hand-over";
            }
        });
    }

    private static boolean exists(Context context, String table) throws SQLException {
        try (PreparedStatement query = context.getConnection().prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
