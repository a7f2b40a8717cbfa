package org.evsettle.gateway;

/** The answer about an idTag, as OCPP 1.6's AuthorizationStatus spells it on the wire. */
public enum AuthorizationStatus {
    ACCEPTED("Accepted"),
    BLOCKED("Blocked"),
    EXPIRED("Expired"),
    INVALID("Invalid"),
    CONCURRENT_TX("ConcurrentTx");

    private final String ocpp;

    AuthorizationStatus(String ocpp) {
        this.ocpp = ocpp;
    }

    public String ocpp() {
        return ocpp;
    }
}
