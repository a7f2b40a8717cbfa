package org.evsettle.events.sessions;

/**
 * How a session's connected time (start to stop) divides: charging (energy flowing) and idle
 * (connected, not charging: SuspendedEV, SuspendedEVSE, Finishing, or no power), in seconds.
 */
public record SessionDurations(long connectedSeconds, long chargingSeconds, long idleSeconds) {
}
