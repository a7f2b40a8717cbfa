package org.evsettle.users;

import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Problem;

/**
 * The rules of HOME sites, a driver's home charger that the operator (their employer) registered: the
 * owner is an ACTIVE driver of the site's operator, a SHARED site has none, and an owner whose home charger
 * is still in service can be neither deactivated nor erased.
 */
public final class HomeSites {

    private HomeSites() {
    }

    /**
     * The owner a site of that kind takes: none for SHARED (400 when one is named), an ACTIVE driver of the
     * operator for HOME (400 when missing, 422 otherwise; another operator's driver reads as no driver at all).
     */
    public static UUID owner(UUID operatorId, SiteKind kind, UUID ownerDriverId) {
        if (kind != SiteKind.HOME) {
            if (ownerDriverId != null) {
                throw DomainException.invalid("ownerDriverId", "must be left out for a SHARED site");
            }
            return null;
        }
        if (ownerDriverId == null) {
            throw DomainException.invalid("ownerDriverId", "is required for a HOME site");
        }
        Driver owner = Driver.byId(ownerDriverId).filter(d -> d.operatorId.equals(operatorId))
                .orElseThrow(() -> refused("is not a driver of this operator"));
        if (!owner.isActive()) {
            throw refused("must be an ACTIVE driver; this one is " + owner.status);
        }
        return owner.id;
    }

    /** The driver may not stop charging (INACTIVE) while a HOME site of theirs has a charger in service. */
    public static void requireNoneInService(Driver owner, String change) {
        List<Site> inService = Site.find("""
                        from Site s where s.kind = 'HOME' and s.ownerDriverId = ?1 and exists (select c.id from Charger c
                        where c.siteId = s.id and c.status <> 'DECOMMISSIONED') order by s.name, s.id""", owner.id).list();
        if (!inService.isEmpty()) {
            throw DomainException.conflict("Driver " + owner.id + " owns HOME site " + describe(inService.get(0))
                    + " with chargers in service; decommission them, or make the site SHARED or another driver's,"
                    + " before " + change);
        }
    }

    /** An erased driver's home (its address) cannot stay on a site named after them: the site goes first. */
    public static void requireNoneOwned(Driver owner) {
        Site.<Site>find("kind = 'HOME' and ownerDriverId = ?1 order by name, id", owner.id).firstResultOptional()
                .ifPresent(site -> {
                    throw DomainException.conflict("Driver " + owner.id + " owns HOME site " + describe(site)
                            + "; make the site SHARED or another driver's before erasing the driver");
                });
    }

    private static String describe(Site site) {
        return site.name + " (" + site.id + ")";
    }

    private static DomainException refused(String rule) {
        return DomainException.unprocessable("The site's owner cannot be accepted",
                List.of(new Problem.Violation("ownerDriverId", rule)));
    }
}
