package org.evsettle.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends a process the devstack started when this JVM ends, even when the JVM is killed with SIGKILL
 * and no shutdown hook runs: a watchdog shell reads a pipe from this JVM and, once the pipe closes,
 * signals the process, waits a grace period and kills it.
 */
public final class ParentWatch {

    // $1 signal, $2 grace in seconds, $3 target: a pid, or a process group as -pgid (dash's kill knows no "--").
    private static final String WATCHDOG = """
            trap '' HUP INT QUIT
            while read -r _; do :; done
            kill -"$1" "$3" 2>/dev/null || exit 0
            i=0
            while [ "$i" -lt "$2" ] && kill -0 "$3" 2>/dev/null; do sleep 1; i=$((i + 1)); done
            kill -KILL "$3" 2>/dev/null
            """;

    /** Held so that the pipes stay open: a collected Process would close its end and fire the watchdog. */
    private static final Set<ParentWatch> WATCHING = ConcurrentHashMap.newKeySet();

    private final Process watchdog;
    private final OutputStream pipe;

    private ParentWatch(Process watchdog) {
        this.watchdog = watchdog;
        this.pipe = watchdog.getOutputStream();
    }

    /**
     * Ends the process group led by root (a child started with {@code setsid}, so it includes
     * grandchildren that were orphaned): SIGTERM, then SIGKILL after the grace period.
     */
    public static ParentWatch processGroup(Process root, Duration grace) {
        return start(root.toHandle(), "TERM", grace, "-" + root.pid());
    }

    /**
     * Ends the daemon whose pid is the first line of pidFile (it is not a child of this JVM) with
     * signal (e.g. INT, PostgreSQL's fast shutdown), then SIGKILL after the grace period.
     */
    public static ParentWatch pidFile(Path pidFile, String signal, Duration grace) {
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            throw new DevStackException("Cannot read a pid from " + pidFile + ": " + e.getMessage(), e);
        }
        ProcessHandle daemon = ProcessHandle.of(pid)
                .orElseThrow(() -> new DevStackException("Process " + pid + " of " + pidFile + " is not running"));
        return start(daemon, signal, grace, Long.toString(pid));
    }

    private static ParentWatch start(ProcessHandle watched, String signal, Duration grace, String target) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", WATCHDOG, "parent-watch", signal,
                Long.toString(Math.max(1, grace.toSeconds())), target)
                // never a pipe back to this JVM: writing to it after the JVM died would end the watchdog
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            ParentWatch watch = new ParentWatch(builder.start());
            WATCHING.add(watch);
            // once the process has ended the watch is done; for a group it also ends what the root left behind
            watched.onExit().thenRun(watch::end);
            return watch;
        } catch (IOException e) {
            throw new DevStackException("Cannot start the watchdog of process " + target + ": " + e.getMessage(), e);
        }
    }

    /** The watchdog's process, for tests that check it ends with what it watches. */
    ProcessHandle watchdog() {
        return watchdog.toHandle();
    }

    private void end() {
        WATCHING.remove(this);
        try {
            pipe.close();
        } catch (IOException e) {
            watchdog.destroyForcibly();
        }
    }
}
