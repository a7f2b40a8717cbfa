package org.evsettle.outbox.consumer;

/**
 * Thrown by a consumer for an event that depends on another that has not arrived (a price whose
 * operator the registry has not told about yet): the event is parked, not retried, and applied when
 * its dependency arrives. Its transaction is rolled back like any other failure's.
 */
public class NotArrivedYet extends RuntimeException {

    private final transient Dependency dependency;

    public NotArrivedYet(Dependency dependency, String detail) {
        super(detail, null, false, false);
        this.dependency = dependency;
    }

    public Dependency dependency() {
        return dependency;
    }
}
