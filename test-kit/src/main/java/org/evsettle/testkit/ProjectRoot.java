package org.evsettle.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root (the directory with mvnw), found upwards from the working directory. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        Path directory = Path.of("").toAbsolutePath();
        for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("deploy"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Not inside the EV Settle repository: " + directory);
    }
}
