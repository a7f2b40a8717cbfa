package org.evsettle.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.evsettle.events.registry.ChargePointIds;
import org.evsettle.kit.api.DomainException;
import org.evsettle.users.messaging.RegistryPublisher;

/**
 * The other chargePointIds one charger connects with: a Zaptec charger in "legacy OCPP behaviour" sends its
 * device id instead of its serial number, and stays the same charger (password, operator, sessions). An
 * alias follows the one {@link ChargePointIds} rule and is claimed like a charger's own id: an id registered,
 * announced or aliased already answers the same 409 whoever holds it. Aliases travel to the gateway in the
 * charger's registry record.
 */
@ApplicationScoped
public class ChargerAliases {

    /** A charger is known by a serial and a legacy id, rarely more: a few spare, and a bound on the record. */
    public static final int MOST_PER_CHARGER = 10;

    private final RegistryPublisher registry;
    private final ChargerAnnouncements announcements;

    public ChargerAliases(RegistryPublisher registry, ChargerAnnouncements announcements) {
        this.registry = registry;
        this.announcements = announcements;
    }

    /** Adds an alias; adding one of its own again changes nothing. */
    @Transactional
    public Charger add(Charger charger, String alias) {
        if (!ChargePointIds.isValid(alias)) {
            throw DomainException.invalid("alias", ChargePointIds.RULE);
        }
        if (charger.aliases.contains(alias)) {
            return charger;
        }
        if (charger.is(Charger.Status.DECOMMISSIONED)) {
            throw DomainException.conflict("Charger " + charger.chargePointId + " is decommissioned; it takes no alias");
        }
        if (Charger.byChargePointId(alias).isPresent() || Charger.aliasHolder(alias).isPresent()
                || announcements.announcer(alias).isPresent()) {
            throw RegistryUniqueness.chargePointIdClaimed(alias);
        }
        if (charger.aliases.size() >= MOST_PER_CHARGER) {
            throw DomainException.conflict("A charger has at most " + MOST_PER_CHARGER + " aliases");
        }
        charger.aliases.add(alias);
        registry.changed(charger);
        return charger;
    }

    @Transactional
    public Charger remove(Charger charger, String alias) {
        if (!charger.aliases.remove(alias)) {
            throw DomainException.notFound("Alias", alias);
        }
        registry.changed(charger);
        return charger;
    }

}
