package org.evsettle.devstack;

/** A reason the devstack cannot start or run, worded for the person who ran it. */
public class DevStackException extends RuntimeException {

    public DevStackException(String message) {
        super(message);
    }

    public DevStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
