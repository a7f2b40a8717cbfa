package org.evsettle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.ChargerRecord;

/**
 * The one rule for what a command may do at a charger, for commands from the API and from
 * {@code ocpp.commands} alike: it is sent for the charger's own operator (as the registry names it), and
 * the idTags it hands the charger are that operator's own cards. RemoteStartTransaction starts only an
 * idTag of a card of the charger's operator, ReserveNow reserves only for one, and SendLocalList's
 * entries only hold such cards (an entry
 * without idTagInfo removes an idTag from the charger's list and grants nothing, so it may name any).
 * A partner's card charges here when its driver presents it (CardAuthorizer), but the host cannot
 * replay it: a host that could start or cache a partner's idTag could charge on a stranger's contract. A refusal never says
 * whether an idTag is another operator's card or nobody's.
 */
@ApplicationScoped
public class CommandScope {

    private final RegistryProjection registry;

    public CommandScope(RegistryProjection registry) {
        this.registry = registry;
    }

    /** A command that may not be sent: the field at fault (null for the command as a whole) and why. */
    public record Refusal(String field, String reason) {
    }

    /** Why this command may not go to this charger for this operator; empty when it may. */
    public Optional<Refusal> refusal(String chargePointId, UUID operatorId, String action, JsonNode payload) {
        // commands go to a charger by its own id, which its connection holds, never by an alias
        Optional<ChargerRecord> charger = registry.charger(chargePointId)
                .filter(known -> known.chargePointId().equals(chargePointId));
        if (charger.isEmpty()) {
            return Optional.of(new Refusal(null, "charger " + chargePointId + " is not in the registry"));
        }
        UUID chargerOperator = charger.get().operatorId();
        if (operatorId == null || !operatorId.equals(chargerOperator)) {
            return Optional.of(new Refusal(null, "the command is not sent for the operator of " + chargePointId));
        }
        return switch (action) {
            case "RemoteStartTransaction", "ReserveNow" -> ownCard(chargerOperator, payload.path("idTag").asText(null))
                    ? Optional.empty() : Optional.of(notOwn("idTag"));
            case "SendLocalList" -> localList(chargerOperator, payload.path("localAuthorizationList"));
            default -> Optional.empty();
        };
    }

    private Optional<Refusal> localList(UUID chargerOperator, JsonNode entries) {
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String idTag = entry.path("idTag").asText(null);
            boolean grants = entry.hasNonNull("idTagInfo");
            if (grants && !ownCard(chargerOperator, idTag)) {
                return Optional.of(notOwn("localAuthorizationList[" + i + "].idTag"));
            }
        }
        return Optional.empty();
    }

    private boolean ownCard(UUID operatorId, String idTag) {
        return idTag != null && registry.card(operatorId, idTag).isPresent();
    }

    private static Refusal notOwn(String field) {
        return new Refusal(field, "is not a card of the charger's operator");
    }
}
