package org.evsettle.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program the devstack runs in a process of its own, with its output in a log file: stopped
 * gracefully (SIGTERM, then SIGKILL after a grace period) or killed outright to simulate a crash.
 * It runs in a process group of its own, which ends with the JVM that started it (see {@link ParentWatch}).
 */
public final class ChildProcess {

    /** How long the group may take to stop once this JVM is gone, before it is killed. */
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final ParentWatch watch;

    private ChildProcess(String name, Process process, Path logFile, ParentWatch watch) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.watch = watch;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            // setsid makes the child a group leader (same pid, no fork), so its whole tree can be signalled
            List<String> inOwnGroup = new ArrayList<>(List.of("setsid"));
            inOwnGroup.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(inOwnGroup)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                return new ChildProcess(name, process, logFile, ParentWatch.processGroup(process, ORPHAN_GRACE));
            } catch (DevStackException e) {
                process.destroyForcibly();
                throw e;
            }
        } catch (IOException e) {
            throw new DevStackException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The java executable of the running JVM, for children that run on the same Java. */
    public static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The watchdog that ends this child's group if this JVM dies; it ends once the child has. */
    ProcessHandle watchdog() {
        return watch.watchdog();
    }

    /** Fails with the end of the log when the process has exited while it should be running. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new DevStackException(name + " exited with code " + process.exitValue() + "; see " + logFile
                    + "\n" + LogTail.of(logFile, 30));
        }
    }

    /** SIGTERM, wait up to the grace period, then SIGKILL; children of the process go the same way. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL, as a crash would: no shutdown hooks, no flushing. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
