package org.evsettle.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program the devstack runs in a process of its own, with its output in a log file: stopped
 * gracefully (SIGTERM, then SIGKILL after a grace period) or killed outright to simulate a crash.
 */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logFile);
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
