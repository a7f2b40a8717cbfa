package org.evsettle.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void everythingAJvmStartedEndsWhenThatJvmIsKilled() throws Exception {
        Process parent = new ProcessBuilder(ChildProcess.currentJava(), "-cp", System.getProperty("java.class.path"),
                ParentJvm.class.getName(), directory.toString()).redirectErrorStream(true).start();
        List<Long> started = new ArrayList<>();
        try {
            List<Long> pids = CompletableFuture.supplyAsync(() -> readyPids(parent)).get(20, TimeUnit.SECONDS);
            started.addAll(pids);
            long orphan = pids.get(1);
            long daemon = pids.get(2);
            // neither is a descendant of the JVM: only the process group and the pid file lead to them
            assertThat(parent.descendants().map(ProcessHandle::pid)).doesNotContain(orphan, daemon);
            parent.descendants().map(ProcessHandle::pid).forEach(started::add);
            assertThat(started).allMatch(ParentWatchTest::isAlive);

            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            await().atMost(BOUND).untilAsserted(() -> assertThat(started).noneMatch(ParentWatchTest::isAlive));
        } finally {
            parent.destroyForcibly();
            started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void watchdogEndsWhenItsChildIsStoppedAndLeavesItAliveUntilThen() {
        ChildProcess child = ChildProcess.start("sleep", List.of("sleep", "600"), Map.of(), directory,
                directory.resolve("sleep.log"));
        ProcessHandle watchdog = child.watchdog();
        assertThat(child.isAlive()).isTrue();
        assertThat(watchdog.isAlive()).isTrue();

        child.stop(Duration.ofSeconds(5));

        await().atMost(BOUND).until(() -> !watchdog.isAlive());
    }

    @Test
    void watchdogOfADaemonEndsWhenTheDaemonHasStopped() throws Exception {
        new ProcessBuilder("/bin/sh", "-c", "sleep 600 > /dev/null 2>&1 & echo $! > daemon.pid")
                .directory(directory.toFile()).start().waitFor(10, TimeUnit.SECONDS);
        ProcessHandle daemon = ProcessHandle.of(Long.parseLong(Files.readString(directory.resolve("daemon.pid")).trim()))
                .orElseThrow();
        ParentWatch watch = ParentWatch.pidFile(directory.resolve("daemon.pid"), "INT", Duration.ofSeconds(1));
        assertThat(watch.watchdog().isAlive()).isTrue();

        daemon.destroyForcibly();

        await().atMost(BOUND).until(() -> !watch.watchdog().isAlive());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The pids of the ready line, failing with what the JVM printed when it exits before it. */
    private static List<Long> readyPids(Process parent) {
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("ready ")) {
                    return Stream.of(line.substring(6).split(" ")).map(Long::valueOf).toList();
                }
                output.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("The parent JVM exited before it was ready:\n" + String.join("\n", output));
    }
}
