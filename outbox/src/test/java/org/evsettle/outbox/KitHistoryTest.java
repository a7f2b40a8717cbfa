package org.evsettle.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evsettle.testkit.InfrastructureResource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * A database migrated before the kit had its own history (the kit's 0.1 in the service's history) is
 * handed over: the service's history keeps only its own migrations, the kit's records its own, and
 * nothing is created twice.
 */
class KitHistoryTest {

    @Test
    void handsTheKitsFirstMigrationOverFromTheServicesHistoryToItsOwn() throws SQLException {
        String database = "kit_history_" + UUID.randomUUID().toString().replace("-", "");
        String admin = "jdbc:postgresql://localhost:" + InfrastructureResource.stack().postgres().port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        String url = admin.replace("/postgres", "/" + database);
        // as before: one history for the kit's migrations and the service's
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/kit-0.1", "classpath:db/migration").load().migrate();

        FluentConfiguration service = Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration").baselineOnMigrate(true).baselineVersion("0");
        new KitHistory().customize(service);
        service.load().migrate();
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/kit")
                .table("kit_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();

        assertThat(versions(url, "flyway_schema_history")).containsExactly("1");
        assertThat(versions(url, "kit_schema_history")).containsExactly("0", "0.1", "0.2", "0.3");
        assertThat(versions(url, "flyway_schema_history")).doesNotContain("0.1");
    }

    private static List<String> versions(String url, String table) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM " + table
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }
}
