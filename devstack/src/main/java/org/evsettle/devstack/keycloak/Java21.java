package org.evsettle.devstack.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.evsettle.devstack.DevStackException;

/**
 * Finds a Java 21 or newer for Keycloak (which needs it while the services run on Java 17):
 * {@code KEYCLOAK_JAVA_HOME} if set, then the running Java, then the JDKs under /usr/lib/jvm.
 */
public final class Java21 {

    private static final int REQUIRED = 21;

    private Java21() {
    }

    public static Path home() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        candidates.addAll(installed(Path.of("/usr/lib/jvm")));
        candidates.addAll(installed(Path.of("/opt/java")));
        return firstSuitable(candidates);
    }

    /** The first candidate that is a JDK of version 21 or newer. */
    static Path firstSuitable(List<Path> candidates) {
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> featureVersion(home) >= REQUIRED)
                .findFirst()
                .orElseThrow(() -> new DevStackException("Keycloak needs Java " + REQUIRED + " or newer and none was"
                        + " found (looked at KEYCLOAK_JAVA_HOME, the running Java, JAVA_HOME and /usr/lib/jvm). Install"
                        + " one (for example Temurin 21 or 25) and set KEYCLOAK_JAVA_HOME to it."));
    }

    private static List<Path> installed(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(directory)) {
            return homes.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The feature version from the JDK's release file (JAVA_VERSION="25.0.1"), or 0. */
    static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try (var reader = Files.newBufferedReader(release)) {
            Properties properties = new Properties();
            properties.load(reader);
            String version = properties.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
            String feature = version.startsWith("1.") ? version.substring(2) : version;
            return Integer.parseInt(feature.split("[.+-]")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
