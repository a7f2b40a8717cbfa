package org.evsettle.outbox.consumer;

/**
 * Thrown by a consumer for a record that no attempt can apply (a registry record whose key is not an
 * entity id, a value for another topic): it is quarantined at once, without the retries a failure
 * that might pass gets.
 */
public class MalformedRecord extends RuntimeException {

    public MalformedRecord(String reason) {
        super(reason, null, false, false);
    }
}
