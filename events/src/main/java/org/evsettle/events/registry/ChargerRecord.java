package org.evsettle.events.registry;

import java.util.List;
import java.util.UUID;

/**
 * A registered charger. ocppPasswordHash is the {@link OcppPasswordHash} of the password the charger
 * presents with HTTP Basic; status is ACTIVE, PENDING_APPROVAL or DECOMMISSIONED. ocppPasswordOrigin is
 * an {@link OcppPasswordOrigin} name; records published before it existed carry none (null), and of
 * those a PENDING_APPROVAL charger can only have enrolled, so it still presents its operator's key.
 * aliases are the other chargePointIds the same charger connects with (a Zaptec charger's legacy device
 * id beside its serial number), each following {@link ChargePointIds}; never null (empty in older records).
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
        String status,
        String ocppPasswordOrigin,
        List<String> aliases) implements RegistryRecord {

    public ChargerRecord {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A charger known by its chargePointId alone (the form of the records before aliases were carried). */
    public ChargerRecord(UUID id, long revision, UUID operatorId, UUID siteId, String chargePointId,
                         int connectorCount, String vendor, String model, String firmwareVersion,
                         String ocppPasswordHash, String status, String ocppPasswordOrigin) {
        this(id, revision, operatorId, siteId, chargePointId, connectorCount, vendor, model, firmwareVersion,
                ocppPasswordHash, status, ocppPasswordOrigin, List.of());
    }

    /** A charger whose password was assigned (the form of the records before the origin was carried). */
    public ChargerRecord(UUID id, long revision, UUID operatorId, UUID siteId, String chargePointId,
                         int connectorCount, String vendor, String model, String firmwareVersion,
                         String ocppPasswordHash, String status) {
        this(id, revision, operatorId, siteId, chargePointId, connectorCount, vendor, model, firmwareVersion,
                ocppPasswordHash, status, null);
    }

    /** True while the charger's password is still its operator's enrollment key. */
    public boolean onEnrollmentKey() {
        return ocppPasswordOrigin == null
                ? "PENDING_APPROVAL".equals(status)
                : OcppPasswordOrigin.ENROLLMENT_KEY.name().equals(ocppPasswordOrigin);
    }
}
