package org.evsettle.gateway;

/** A charger's registry status: only ACTIVE chargers may connect and are accepted at boot. */
public enum ChargerStatus {
    ACTIVE, PENDING_APPROVAL, DECOMMISSIONED
}
