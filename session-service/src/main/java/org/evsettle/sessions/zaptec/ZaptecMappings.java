package org.evsettle.sessions.zaptec;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.evsettle.events.registry.IdTags;
import org.evsettle.kit.api.DomainException;
import org.evsettle.outbox.audit.AuditTrail;
import org.evsettle.sessions.Card;
import org.evsettle.sessions.Charger;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.Driver;
import org.evsettle.sessions.SessionStatus;

/**
 * The mappings an operator sets once (a Zaptec user or token to a driver or card, a Zaptec charger to a
 * registered charger), and what setting one does: every imported session of that user, token or charger that
 * waits in review is matched again and judged again, and billed if nothing else holds it.
 */
@ApplicationScoped
public class ZaptecMappings {

    /** What a mapping did: the mapping and the sessions it matched, and of those the ones it let complete. */
    public record Outcome(ZaptecMapping mapping, List<UUID> matched, List<UUID> completed) {
    }

    private final ZaptecImport imports;
    private final AuditTrail audit;
    private final Clock clock;

    public ZaptecMappings(ZaptecImport imports, AuditTrail audit, Clock clock) {
        this.imports = imports;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome set(UUID operatorId, ZaptecMapping.Kind kind, String zaptecKey, UUID driverId, UUID cardId,
                       String chargePointId, String by) {
        Instant now = clock.instant();
        ZaptecMapping mapping = ZaptecMapping.toSet(operatorId, kind, zaptecKey);
        Map<String, Object> before = mapping.setAt == null ? null : state(mapping);
        if (kind == ZaptecMapping.Kind.CHARGER) {
            if (chargePointId == null || driverId != null || cardId != null) {
                throw DomainException.invalid("chargePointId", "is required for a CHARGER mapping, and only it");
            }
            List<Charger> chargers = Charger.ofOperator(operatorId, chargePointId);
            if (chargers.size() != 1) {
                throw DomainException.invalid("chargePointId", "names no charger registered with the operator");
            }
            mapping.chargePointId = chargers.get(0).chargePointId;
            mapping.driverId = null;
            mapping.cardId = null;
        } else {
            if (chargePointId != null) {
                throw DomainException.invalid("chargePointId", "belongs to a CHARGER mapping only");
            }
            UUID driver = driverId;
            if (cardId != null) {
                Card card = Card.<Card>findByIdOptional(cardId).filter(c -> operatorId.equals(c.operatorId))
                        .orElseThrow(() -> DomainException.invalid("cardId", "names no card of the operator"));
                if (card.driverId == null) {
                    throw DomainException.invalid("cardId", "belongs to no driver: give the card to a driver first");
                }
                if (driver != null && !driver.equals(card.driverId)) {
                    throw DomainException.invalid("cardId", "belongs to another driver than driverId");
                }
                driver = card.driverId;
            }
            if (driver == null) {
                throw DomainException.invalid("driverId", "or cardId is required");
            }
            UUID chosen = driver;
            Driver.<Driver>findByIdOptional(chosen).filter(d -> operatorId.equals(d.operatorId))
                    .orElseThrow(() -> DomainException.invalid("driverId", "names no driver of the operator"));
            mapping.driverId = chosen;
            mapping.cardId = cardId;
            mapping.chargePointId = null;
        }
        mapping.setBy = by;
        mapping.setAt = now;
        mapping.persist();
        audit.record(operatorId, "ZaptecMapping", kind + ":" + mapping.key.zaptecKey, before == null ? "SET" : "CHANGED",
                before, state(mapping));

        List<UUID> matched = new java.util.ArrayList<>();
        List<UUID> completed = new java.util.ArrayList<>();
        for (ZaptecSessionFacts facts : waiting(operatorId, kind, mapping.key.zaptecKey)) {
            ChargingSession session = ChargingSession.findById(facts.sessionId, LockModeType.PESSIMISTIC_WRITE);
            Map<String, Object> was = sessionState(session);
            if (kind == ZaptecMapping.Kind.CHARGER) {
                session.chargerId = null;
            } else {
                session.driverId = null;
            }
            matched.add(session.id);
            if (imports.judge(session, facts, now)) {
                completed.add(session.id);
            }
            audit.record(operatorId, "Session", session.id, "MATCHED", was, sessionState(session));
        }
        Log.infof("Zaptec %s mapping set for operator %s: %d waiting sessions matched, %d completed", kind, operatorId,
                matched.size(), completed.size());
        return new Outcome(mapping, matched, completed);
    }

    /** The operator's held imported sessions of this Zaptec user, token or charger that lack what it maps. */
    private static List<ZaptecSessionFacts> waiting(UUID operatorId, ZaptecMapping.Kind kind, String key) {
        List<UUID> held = ChargingSession.<ChargingSession>list("operatorId = ?1 and status = ?2 and externalId is not null"
                        + (kind == ZaptecMapping.Kind.CHARGER ? " and chargerId is null" : " and driverId is null"),
                operatorId, SessionStatus.HELD).stream().map(session -> session.id).toList();
        return ZaptecSessionFacts.ofOperator(operatorId, held).stream().filter(facts -> switch (kind) {
            case USER -> facts.zaptecUserId != null && ZaptecMapping.normal(kind, facts.zaptecUserId).equals(key);
            case TOKEN -> facts.tokenName != null && IdTags.normalize(facts.tokenName).equals(key);
            case CHARGER -> java.util.stream.Stream.of(facts.zaptecCharger, facts.deviceId, facts.deviceName)
                    .filter(Objects::nonNull).anyMatch(name -> name.trim().toUpperCase(Locale.ROOT).equals(key));
        }).toList();
    }

    private static Map<String, Object> state(ZaptecMapping mapping) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("driverId", mapping.driverId);
        state.put("cardId", mapping.cardId);
        state.put("chargePointId", mapping.chargePointId);
        return state;
    }

    private static Map<String, Object> sessionState(ChargingSession session) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", session.status);
        state.put("driverId", session.driverId);
        state.put("cardId", session.cardId);
        state.put("chargePointId", session.chargePointId);
        state.put("chargerId", session.chargerId);
        return state;
    }
}
