package org.evsettle.devstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.evsettle.devstack.DevStackException;
import org.evsettle.devstack.ParentWatch;
import org.evsettle.devstack.Ports;

/**
 * A real PostgreSQL from the embedded binaries on Maven Central, one database per service. The data
 * directory survives restarts; fsync is on when the data is meant to be kept. It stops when the
 * JVM that started it ends.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    /** How long a fast shutdown (SIGINT) may take once this JVM is gone, before the postmaster is killed. */
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on port with its data in dataDirectory (created on first start) and makes
     * sure every database exists.
     */
    public static PostgresServer start(Path dataDirectory, int port, boolean durable, List<String> databases,
                                       Path logFile) {
        Ports.requireFree(port, "PostgreSQL");
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "localhost")
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            PostgresServer server = new PostgresServer(postgres, port);
            try {
                // pg_ctl daemonizes the postmaster: it is no child of this JVM, so it is watched by its pid file
                ParentWatch.pidFile(dataDirectory.resolve("postmaster.pid"), "INT", ORPHAN_GRACE);
                server.createDatabases(databases);
            } catch (SQLException | RuntimeException e) {
                try {
                    server.close();
                } catch (RuntimeException notStopped) {
                    e.addSuppressed(notStopped);
                }
                throw e;
            }
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new DevStackException("PostgreSQL did not start on port " + port + " with data in "
                    + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private void createDatabases(List<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                if (!exists(connection, database)) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE \"" + database + "\"");
                    }
                }
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new DevStackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
