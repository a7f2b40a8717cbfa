package org.evsettle.events.registry;

import java.util.UUID;

/**
 * A place where an operator's chargers stand. kind is SHARED or HOME (null, as in records published before
 * kinds existed: SHARED); a HOME site belongs to one driver of the operator, ownerDriverId, whose sessions
 * at its chargers are reimbursed ({@link SiteKind}). loadLimit, if set, is shared among the sessions charging at
 * the site's chargers at any moment (ocpp-gateway's SiteLoadBalancer).
 */
public record SiteRecord(
        UUID id,
        long revision,
        UUID operatorId,
        String name,
        Address address,
        SiteKind kind,
        UUID ownerDriverId,
        LoadLimit loadLimit) implements RegistryRecord {

    public SiteRecord {
        kind = kind == null ? SiteKind.SHARED : kind;
    }

    /** A shared site (the form of the records before kinds existed). */
    public SiteRecord(UUID id, long revision, UUID operatorId, String name, Address address) {
        this(id, revision, operatorId, name, address, SiteKind.SHARED, null, null);
    }

    /** A site without a load limit (the form of the records before limits existed). */
    public SiteRecord(UUID id, long revision, UUID operatorId, String name, Address address, SiteKind kind,
                      UUID ownerDriverId) {
        this(id, revision, operatorId, name, address, kind, ownerDriverId, null);
    }

    /** Whether this is the home charger site of that driver. */
    public boolean isHomeOf(UUID driverId) {
        return kind == SiteKind.HOME && ownerDriverId != null && ownerDriverId.equals(driverId);
    }
}
