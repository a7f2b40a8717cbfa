package org.evsettle.invoices;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fault that makes every attempt to bill one session fail, as a bug would, until it is removed (the
 * fix): a trigger refuses that session's invoice lines. Other sessions are not touched.
 */
final class DatabaseFault implements AutoCloseable {

    private final AgroalDataSource dataSource;
    private final String name;

    private DatabaseFault(AgroalDataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    static DatabaseFault refusingLinesOf(AgroalDataSource dataSource, UUID sessionId) {
        String name = "refuse_" + sessionId.toString().replace("-", "");
        execute(dataSource, "CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.session_id = '" + sessionId + "' THEN RAISE EXCEPTION 'line of session refused by a test fault';"
                + " END IF; RETURN NEW; END $$");
        execute(dataSource, "CREATE TRIGGER " + name + " BEFORE INSERT ON invoice_line FOR EACH ROW EXECUTE FUNCTION "
                + name + "()");
        return new DatabaseFault(dataSource, name);
    }

    @Override
    public void close() {
        execute(dataSource, "DROP TRIGGER IF EXISTS " + name + " ON invoice_line");
        execute(dataSource, "DROP FUNCTION IF EXISTS " + name + "()");
    }

    private static void execute(AgroalDataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql, e);
        }
    }
}
