package org.evsettle.events.registry;

import java.util.UUID;

/**
 * A registered charger. ocppPasswordHash is the {@link OcppPasswordHash} of the password the charger
 * presents with HTTP Basic; status is ACTIVE, PENDING_APPROVAL or DECOMMISSIONED.
 */
public record ChargerRecord(
        UUID id,
        long revision,
        UUID operatorId,
        UUID siteId,
        String chargePointId,
        int connectorCount,
        String vendor,
        String model,
        String firmwareVersion,
        String ocppPasswordHash,
        String status) implements RegistryRecord {
}
