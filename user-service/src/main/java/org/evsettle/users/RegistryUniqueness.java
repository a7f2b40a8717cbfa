package org.evsettle.users;

import jakarta.persistence.PersistenceException;
import java.util.Map;
import org.evsettle.kit.api.DomainException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * What must be unique in the registry, and the 409 a change that breaks it answers: a chargePointId on
 * the platform (registered or announced), a driver's e-mail and a card's idTag per operator, a Keycloak account per driver. The
 * changes check these first; the database's unique constraints decide when two requests race past
 * those checks at once, and are answered here like the checks would have answered.
 *
 * <p>A card's idTag is also unique among operators that roam with each other (either names the other in
 * cardsValidAt or acceptsCardsOf): at a host's charger its own card wins over a partner's, so a host that
 * issued a partner's idTag again could take that driver's sessions, or start and list the idTag as its own.
 * The 409 is the same as for a duplicate of the operator's own and never names the other operator, and a
 * chargePointId taken by any operator answers the same words whoever holds it: neither tells a caller
 * which tenant, or that another tenant, has it.
 */
public final class RegistryUniqueness {

    /** The unique constraints of the schema, by name, with what breaking one means. */
    private static final Map<String, String> CONSTRAINTS = Map.of(
            "charger_charge_point_id_unique", "A charger with this chargePointId is already registered",
            "operator_announced_charger_unique", "This chargePointId is already registered or announced",
            "charger_alias_unique", "This chargePointId is already registered or announced",
            "driver_email_unique", "A driver with this e-mail already exists for this operator",
            "card_id_tag_unique", "A card with this idTag is already registered with this operator or a roaming"
                    + " partner",
            "driver_account_unique", "This account is already linked to another driver");

    private RegistryUniqueness() {
    }

    /** The 409 for a write that broke a unique constraint of the registry; any other failure as it is. */
    public static RuntimeException conflictOr(PersistenceException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String duplicate = CONSTRAINTS.get(violation.getConstraintName().toLowerCase());
                if (duplicate != null) {
                    return DomainException.conflict(duplicate);
                }
            }
        }
        return failure;
    }

    /** An id registered or announced already: the same answer whoever holds it, so that nothing is revealed. */
    public static DomainException chargePointIdClaimed(String chargePointId) {
        return DomainException.conflict("chargePointId " + chargePointId + " is already registered or announced");
    }

    public static DomainException emailTaken(String email) {
        return DomainException.conflict("A driver with e-mail " + email + " already exists for this operator");
    }

    public static DomainException idTagTaken(String idTag) {
        return DomainException.conflict("A card with idTag " + idTag
                + " is already registered with this operator or a roaming partner");
    }

    /** Has an operator that roams with this one (in either direction, either list) issued a card with this idTag? */
    public static boolean issuedByRoamingPartner(Operator operator, String idTag) {
        return Card.<Card>list("idTag = ?1 and operatorId <> ?2", idTag, operator.id).stream()
                .map(card -> card.operatorId).distinct()
                .anyMatch(other -> operator.cardsValidAt.contains(other) || operator.acceptsCardsOf.contains(other)
                        || Operator.byId(other).map(o -> o.cardsValidAt.contains(operator.id)
                                || o.acceptsCardsOf.contains(operator.id)).orElse(false));
    }

    public static DomainException accountTaken(String accountId) {
        return DomainException.conflict("Account " + accountId + " is already linked to another driver");
    }
}
