package org.evsettle.gateway;

import java.time.Instant;

/** The last StatusNotification of one connector (0 is the charger itself); timestamp is the charger's. */
public record ConnectorStatus(int connectorId, String status, String errorCode, Instant timestamp) {
}
