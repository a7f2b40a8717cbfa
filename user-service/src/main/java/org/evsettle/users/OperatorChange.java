package org.evsettle.users;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.evsettle.events.registry.OperatorRecord;

/**
 * An operator's details and settings as an admin sets them, whole (a create or a replace): the plain
 * details, which the form writes onto the operator itself, and the settings whose rules need the
 * registry (user types in use, roaming partners, the enrollment key, the user types billed to an employer;
 * left out: EMPLOYEE).
 */
public record OperatorChange(Consumer<Operator> details, List<String> userTypes, List<UUID> cardsValidAt,
                             List<UUID> acceptsCardsOf, boolean acceptsUnknownChargers,
                             List<String> employerBilledUserTypes) {

    public OperatorChange {
        userTypes = userTypes == null ? List.of() : userTypes;
        employerBilledUserTypes = employerBilledUserTypes == null ? OperatorRecord.DEFAULT_EMPLOYER_BILLED_USER_TYPES
                : employerBilledUserTypes;
        cardsValidAt = cardsValidAt == null ? List.of() : cardsValidAt;
        acceptsCardsOf = acceptsCardsOf == null ? List.of() : acceptsCardsOf;
    }
}
