package org.evsettle.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The JVM {@link ParentWatchTest} kills: starts what the devstack starts, the way it starts it,
 * prints {@code ready <child> <orphan> <daemon>} and waits to be killed.
 */
public final class ParentJvm {

    private ParentJvm() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path directory = Path.of(args[0]);
        // as Keycloak: a child whose tree has a member its parent left behind (an orphan in the same group)
        Path orphanPid = directory.resolve("orphan.pid");
        ChildProcess child = ChildProcess.start("tree", List.of("/bin/sh", "-c",
                "(sleep 600 & echo $! > orphan.pid); exec sleep 600"), Map.of(), directory, directory.resolve("tree.log"));
        Await.until("the orphan's pid", Duration.ofSeconds(10), child, () -> hasLine(orphanPid));
        // as the postmaster: a daemon that is no child of this JVM, known by the first line of its pid file
        Path daemonPid = directory.resolve("daemon.pid");
        new ProcessBuilder("/bin/sh", "-c", "sleep 600 > /dev/null 2>&1 & echo $! > daemon.pid; echo \"$PWD\" >> daemon.pid")
                .directory(directory.toFile()).start().waitFor();
        // a background job of sh ignores SIGINT, so this also covers the SIGKILL after the grace period
        ParentWatch.pidFile(daemonPid, "INT", Duration.ofSeconds(1));
        System.out.println("ready " + child.pid() + " " + firstLine(orphanPid) + " " + firstLine(daemonPid));
        Thread.currentThread().join();
    }

    private static boolean hasLine(Path file) {
        try {
            return Files.exists(file) && Files.readString(file).endsWith("\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstLine(Path file) throws IOException {
        return Files.readAllLines(file).get(0).trim();
    }
}
