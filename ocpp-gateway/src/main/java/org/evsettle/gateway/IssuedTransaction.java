package org.evsettle.gateway;

/** A transactionId the gateway gave a charger in answer to StartTransaction, with its connector. */
public record IssuedTransaction(int transactionId, String chargePointId, int connectorId) {
}
