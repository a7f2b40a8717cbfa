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
 * whether an idTag is another operator's card or nobody's. OCPP 2.0.1 commands are held to the same rule: the idToken
 * (and groupIdToken) of RequestStartTransaction and ReserveNow, and each SendLocalList entry with idTokenInfo.
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
            case "RemoteStartTransaction" -> ownCard(chargerOperator, payload.path("idTag").asText(null))
                    ? Optional.empty() : Optional.of(notOwn("idTag"));
            case "ReserveNow" -> payload.has("idToken") ? tokens(chargerOperator, payload)
                    : ownCard(chargerOperator, payload.path("idTag").asText(null))
                    ? Optional.empty() : Optional.of(notOwn("idTag"));
            case "RequestStartTransaction" -> tokens(chargerOperator, payload);
            case "SendLocalList" -> localList(chargerOperator, payload.path("localAuthorizationList"));
            default -> Optional.empty();
        };
    }

    /** A 2.0.1 command's idToken, and its groupIdToken when it names one. */
    private Optional<Refusal> tokens(UUID chargerOperator, JsonNode payload) {
        if (!ownCard(chargerOperator, payload.path("idToken").path("idToken").asText(null))) {
            return Optional.of(notOwn("idToken.idToken"));
        }
        if (payload.has("groupIdToken")
                && !ownCard(chargerOperator, payload.path("groupIdToken").path("idToken").asText(null))) {
            return Optional.of(notOwn("groupIdToken.idToken"));
        }
        return Optional.empty();
    }

    private Optional<Refusal> localList(UUID chargerOperator, JsonNode entries) {
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            // 1.6 entries name an idTag (granted with idTagInfo), 2.0.1 ones an idToken (granted with idTokenInfo)
            boolean v201 = entry.has("idToken");
            String idTag = v201 ? entry.path("idToken").path("idToken").asText(null) : entry.path("idTag").asText(null);
            boolean grants = entry.hasNonNull(v201 ? "idTokenInfo" : "idTagInfo");
            if (grants && !ownCard(chargerOperator, idTag)) {
                return Optional.of(notOwn("localAuthorizationList[" + i + "]." + (v201 ? "idToken.idToken" : "idTag")));
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
