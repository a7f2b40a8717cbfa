package org.evsettle.gateway;

/**
 * The gateway's int transactionId of a 2.0.1 station's transaction; issuedNow when this event was the
 * first of it to arrive, startAnnounced once its TransactionStarted was acknowledged by Kafka.
 */
public record StationTransactionId(int transactionId, boolean issuedNow, boolean startAnnounced) {
}
