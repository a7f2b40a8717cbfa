package org.evsettle.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits until a part is ready, failing with what it waited for when it takes too long. */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration timeout, ChildProcess process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (process != null) {
                process.requireAlive();
            }
            if (System.nanoTime() > deadline) {
                String log = process == null ? "" : "; see " + process.logFile() + "\n"
                        + LogTail.of(process.logFile(), 30);
                throw new DevStackException(what + " was not ready within " + timeout.toSeconds() + " s" + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevStackException("Interrupted while waiting for " + what, e);
            }
        }
    }
}
