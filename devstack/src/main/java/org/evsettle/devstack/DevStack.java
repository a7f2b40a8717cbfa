package org.evsettle.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evsettle.devstack.kafka.KafkaBroker;
import org.evsettle.devstack.keycloak.KeycloakServer;
import org.evsettle.devstack.mail.MailServer;
import org.evsettle.devstack.postgres.PostgresServer;

/**
 * The infrastructure EV Settle runs on, embedded: a Kafka broker, a PostgreSQL with one database per
 * service, Keycloak with realm evsettle, and a mail server (SMTP, IMAP, POP3) that keeps what the services
 * send. Used by {@code ./evsettle} and by the system tests.
 */
public final class DevStack implements AutoCloseable {

    /** One database per service, and Keycloak's own. */
    public static final List<String> DATABASES = List.of("gateway", "users", "sessions", "tariffs", "invoices", "keycloak");

    private final Settings settings;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final MailServer mail;

    /**
     * Where the stack keeps its data and which ports it takes.
     *
     * @param dataDirectory PostgreSQL and Kafka data, kept between runs
     * @param distributionCache unpacked distributions (Keycloak), kept even when the data is wiped
     * @param durable fsync on: the data must survive a machine crash, not only a process crash
     */
    public record Settings(Path dataDirectory, Path distributionCache, Path realmFile, int postgresPort,
                           int kafkaPort, int kafkaControllerPort, int keycloakPort, boolean durable,
                           boolean withKeycloak, int smtpPort, int imapPort, int pop3Port) {

        /** Settings as before the mail server: it takes free ports. */
        public Settings(Path dataDirectory, Path distributionCache, Path realmFile, int postgresPort, int kafkaPort,
                        int kafkaControllerPort, int keycloakPort, boolean durable, boolean withKeycloak) {
            this(dataDirectory, distributionCache, realmFile, postgresPort, kafkaPort, kafkaControllerPort, keycloakPort,
                    durable, withKeycloak, Ports.free(), Ports.free(), Ports.free());
        }

        /** The documented local ports, with everything under {@code <root>/.devstack}. */
        public static Settings local(Path root) {
            Path devstack = root.resolve(".devstack");
            return new Settings(devstack.resolve("data"), devstack.resolve("dist"),
                    root.resolve("deploy/keycloak/evsettle-realm.json"), 5433, 9092, 9093, 8180, true, true,
                    3025, 3143, 3110);
        }

        /** Free ports and a throw-away data directory, for tests. */
        public static Settings forTests(Path root, Path dataDirectory, boolean withKeycloak) {
            return new Settings(dataDirectory, root.resolve(".devstack/dist"),
                    root.resolve("deploy/keycloak/evsettle-realm.json"), Ports.free(), Ports.free(), Ports.free(),
                    Ports.free(), false, withKeycloak, Ports.free(), Ports.free(), Ports.free());
        }
    }

    private DevStack(Settings settings, PostgresServer postgres, KafkaBroker kafka, KeycloakServer keycloak,
                     MailServer mail) {
        this.settings = settings;
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.mail = mail;
    }

    /** Starts every part and returns once each is ready; on failure, stops what had started. */
    public static DevStack start(Settings settings) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            PostgresServer postgres = PostgresServer.start(settings.dataDirectory().resolve("postgres"),
                    settings.postgresPort(), settings.durable(), DATABASES,
                    settings.dataDirectory().resolve("logs/postgres.log"));
            started.add(postgres);
            KafkaBroker kafka = KafkaBroker.start(settings.dataDirectory().resolve("kafka"),
                    settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.dataDirectory().resolve("logs/kafka.log"));
            started.add(kafka);
            MailServer mail = MailServer.start(settings.smtpPort(), settings.imapPort(), settings.pop3Port());
            started.add(mail);
            KeycloakServer keycloak = null;
            if (settings.withKeycloak()) {
                keycloak = KeycloakServer.start(settings.distributionCache(), settings.realmFile(),
                        settings.keycloakPort(), postgres.jdbcUrl("keycloak"),
                        settings.dataDirectory().resolve("logs/keycloak.log"));
            }
            return new DevStack(settings, postgres, kafka, keycloak, mail);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The mail server that receives what the services send. */
    public MailServer mail() {
        return mail;
    }

    public KeycloakServer keycloak() {
        if (keycloak == null) {
            throw new IllegalStateException("This devstack runs without Keycloak");
        }
        return keycloak;
    }

    /** Stops Keycloak, the mail server, Kafka and PostgreSQL, in that order. */
    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(postgres);
        parts.add(kafka);
        parts.add(mail);
        if (keycloak != null) {
            parts.add(keycloak);
        }
        closeAll(parts);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                System.err.println("Could not stop cleanly: " + e.getMessage());
            }
        }
    }
}
