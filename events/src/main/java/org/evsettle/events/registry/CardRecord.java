package org.evsettle.events.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A charge card. idTag is stored normalized (see {@link IdTags}); status is ACTIVE, BLOCKED, LOST or
 * EXPIRED, with a reason; validUntil is inclusive, in the operator's time zone.
 */
public record CardRecord(
        UUID id,
        long revision,
        UUID operatorId,
        UUID driverId,
        String idTag,
        String label,
        String status,
        String statusReason,
        LocalDate validUntil) implements RegistryRecord {
}
