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
 * local verification of {@link TestTokens}. Use with
 * {@code @WithTestResource(InfrastructureResource.class)} on every test class of a service.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private static DevStack stack;

    @Override
    public synchronized Map<String, String> start() {
        DevStack running = stack();
        return Map.of(
                "evsettle.db.port", String.valueOf(running.postgres().port()),
                "kafka.bootstrap.servers", running.kafka().bootstrapServers(),
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // the stack lives as long as the test JVM: later test classes reuse it
    }

    /** The running stack, for tests that stop, kill or inspect a part of it. */
    public static synchronized DevStack stack() {
        if (stack == null) {
            Path data = temporaryDirectory();
            stack = DevStack.start(DevStack.Settings.forTests(ProjectRoot.find(), data, false));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                deleteQuietly(data);
            }, "test-infrastructure-stop"));
        }
        return stack;
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
