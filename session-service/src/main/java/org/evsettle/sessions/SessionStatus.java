package org.evsettle.sessions;

/**
 * Where a session stands. A charger may report the stop before the start (an offline queue, a
 * retry), so a session can wait for its start as well as for its stop.
 */
public enum SessionStatus {
    /** Started, not yet stopped. */
    ACTIVE,
    /** Stopped, but its start has not arrived (yet; for an unknown transaction it never will). */
    AWAITING_START,
    /** Start and stop are in, and it is fit to be priced: SessionCompleted was published. */
    COMPLETED,
    /** Start and stop are in, but it may not be billed as it is; heldReason says why. */
    HELD
}
