package org.evsettle.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.evsettle.devstack.DevStack;

/**
 * Real infrastructure for {@code @QuarkusTest}: a Kafka broker and a PostgreSQL from the devstack,
 * on free ports with throw-away data, started once per test JVM and stopped when it exits; plus
 * local verification of {@link TestTokens}, and the stack's mail server (GreenMail) as the SMTP server
 * of a service that sends mail, through an {@link SmtpGate}. Use with
 * {@code @WithTestResource(InfrastructureResource.class)} on every test class of a service.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private static final int START_ATTEMPTS = 3;

    private static DevStack stack;
    private static SmtpGate smtpGate;
    private static ZaptecStub zaptec;

    @Override
    public synchronized Map<String, String> start() {
        DevStack running = stack();
        return Map.of(
                "evsettle.db.port", String.valueOf(running.postgres().port()),
                "kafka.bootstrap.servers", running.kafka().bootstrapServers(),
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                // a service that sends mail (quarkus-mailer) sends it for real, through the gate, to the stack's server
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "localhost",
                "quarkus.mailer.port", String.valueOf(smtpGate().port()),
                // session-service imports Zaptec's charge history from the stub (other services read no such key)
                "evsettle.zaptec.base-url", zaptec().baseUrl().toString());
    }

    /** The stub of Zaptec's API that a service under test (session-service's Zaptec import) reads from. */
    public static synchronized ZaptecStub zaptec() {
        if (zaptec == null) {
            zaptec = new ZaptecStub();
        }
        return zaptec;
    }

    @Override
    public void stop() {
        // the stack lives as long as the test JVM: later test classes reuse it
    }

    /**
     * The SMTP front that services under test send through, in front of the stack's mail server
     * ({@code stack().mail()}, where the mail is read): tests take it down or make it refuse recipients.
     */
    public static synchronized SmtpGate smtpGate() {
        if (smtpGate == null) {
            smtpGate = SmtpGate.inFrontOf(stack().mail().smtpPort());
        }
        return smtpGate;
    }

    /** The running stack, for tests that stop, kill or inspect a part of it. */
    public static synchronized DevStack stack() {
        if (stack == null) {
            Path data = temporaryDirectory();
            stack = startOnFreePorts(data);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                deleteQuietly(data);
            }, "test-infrastructure-stop"));
        }
        return stack;
    }

    /**
     * Starts the stack on free ports. A port found free may be taken by another process before the
     * server binds it (tests of several modules start and stop servers side by side), so a failed
     * start is tried again on other ports, in a fresh directory, before the tests are failed.
     */
    private static DevStack startOnFreePorts(Path data) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            Path attemptData = data.resolve("attempt-" + attempt);
            try {
                return DevStack.start(DevStack.Settings.forTests(ProjectRoot.find(), attemptData, false));
            } catch (RuntimeException e) {
                System.err.println("Test infrastructure failed to start (attempt " + attempt + " of "
                        + START_ATTEMPTS + "): " + e);
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw failure;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("evsettle-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind does no harm
        }
    }
}
