package org.evsettle.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.IdTags;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.RegistryChange;
import org.evsettle.events.registry.RegistryRecord;
import org.evsettle.events.registry.SiteRecord;

/**
 * The gateway's in-memory copy of the registry it needs to admit chargers and authorize cards:
 * operators (also by enrollment key and by the chargePointIds they announced), sites (for their load limits),
 * chargers (indexed by chargePointId
 * and by their aliases) and cards (indexed by
 * operator and normalized idTag, and by normalized idTag alone for partner operators' cards), each at
 * its highest revision, kept by the same rule as every service's projection ({@link RegistryChange}).
 * Every replica holds the whole table, so the gateway answers a charger without a remote call.
 * Writes are serialized; reads are lock-free. Listeners hear of every charger change, so that
 * admission can be judged again ({@link AdmissionReview}).
 */
@ApplicationScoped
public class RegistryProjection {

    private final Map<UUID, OperatorRecord> operators = new ConcurrentHashMap<>();
    private final Map<UUID, SiteRecord> sites = new ConcurrentHashMap<>();
    private final Map<UUID, ChargerRecord> chargers = new ConcurrentHashMap<>();
    private final Map<String, ChargerRecord> chargersByChargePointId = new ConcurrentHashMap<>();
    private final Map<UUID, CardRecord> cards = new ConcurrentHashMap<>();
    private final Map<CardKey, CardRecord> cardsByIdTag = new ConcurrentHashMap<>();
    /** Every operator's cards with one normalized idTag; the lists are immutable and replaced whole. */
    private final Map<String, List<CardRecord>> cardsOfAnyOperator = new ConcurrentHashMap<>();
    private final Map<String, OperatorRecord> operatorsByEnrollmentKey = new ConcurrentHashMap<>();
    private final Map<String, UUID> announcedBy = new ConcurrentHashMap<>();
    private final List<ChargerChange> chargerChanges = new CopyOnWriteArrayList<>();
    private final List<Consumer<SiteRecord>> siteChanges = new CopyOnWriteArrayList<>();
    private volatile boolean ready;

    /** Told of every charger record that replaced another or was deleted, on the reader's thread, in order. */
    @FunctionalInterface
    public interface ChargerChange {
        /** before is null for a new charger, after null for a deleted one. */
        void changed(ChargerRecord before, ChargerRecord after);
    }

    public void onChargerChange(ChargerChange listener) {
        chargerChanges.add(listener);
    }

    /** Told of every site record that replaced another, on the reader's thread, in order. */
    public void onSiteChange(Consumer<SiteRecord> listener) {
        siteChanges.add(listener);
    }

    public Optional<SiteRecord> site(UUID siteId) {
        return Optional.ofNullable(siteId == null ? null : sites.get(siteId));
    }

    /** The chargers registered at a site, by their own ids. */
    public List<ChargerRecord> chargersAt(UUID siteId) {
        return chargers.values().stream().filter(charger -> siteId.equals(charger.siteId())).toList();
    }

    /** The operator that announced it expects this chargePointId to enroll, if one did. */
    public Optional<UUID> announcedBy(String chargePointId) {
        return Optional.ofNullable(chargePointId == null ? null : announcedBy.get(chargePointId));
    }

    /** True once the registry topics were read up to where they ended when the gateway started. */
    public boolean isReady() {
        return ready;
    }

    public void markReady() {
        ready = true;
    }

    /** The charger with this chargePointId, or with this alias (then the record names its own id). */
    public Optional<ChargerRecord> charger(String chargePointId) {
        return Optional.ofNullable(chargersByChargePointId.get(chargePointId));
    }

    /** The card with this idTag (as a charger sent it) among the cards of one operator. */
    public Optional<CardRecord> card(UUID operatorId, String idTag) {
        return Optional.ofNullable(cardsByIdTag.get(new CardKey(operatorId, IdTags.normalize(idTag))));
    }

    /** The cards of every operator with this idTag (as a charger sent it): usually none or one. */
    public List<CardRecord> cardsOfAnyOperator(String idTag) {
        return cardsOfAnyOperator.getOrDefault(IdTags.normalize(idTag), List.of());
    }

    public Optional<OperatorRecord> operator(UUID operatorId) {
        return Optional.ofNullable(operators.get(operatorId));
    }

    /**
     * The operator that accepts unknown chargers with this enrollment key (given as the lower-case hex
     * SHA-256 the registry stores); empty when none does.
     */
    public Optional<OperatorRecord> operatorEnrolling(String keySha256) {
        return Optional.ofNullable(keySha256 == null ? null : operatorsByEnrollmentKey.get(keySha256.toLowerCase(Locale.ROOT)))
                .filter(OperatorRecord::acceptsUnknownChargers);
    }

    /**
     * Applies one record of a registry topic (its topic, key and envelope, data null for a tombstone)
     * by the one rule of {@link RegistryChange}: a higher revision replaces, a tombstone deletes, and a
     * malformed record changes nothing. Returns the change, so that the reader can report a malformed one.
     */
    public synchronized RegistryChange apply(String topic, String key, Envelope<?> envelope) {
        RegistryChange change = RegistryChange.of(topic, key, envelope);
        if (change instanceof RegistryChange.Upsert upsert) {
            upsert(upsert);
        } else if (change instanceof RegistryChange.Delete delete) {
            delete(delete);
        }
        return change;
    }

    private void upsert(RegistryChange.Upsert upsert) {
        if (upsert.record() instanceof OperatorRecord operator) {
            OperatorRecord previous = operators.get(operator.id());
            if (supersedes(upsert, previous)) {
                unindex(previous);
                operators.put(operator.id(), operator);
                if (operator.acceptsUnknownChargers() && operator.chargerEnrollmentKeyHash() != null) {
                    operatorsByEnrollmentKey.put(operator.chargerEnrollmentKeyHash().toLowerCase(Locale.ROOT), operator);
                }
                operator.announcedChargePointIds().forEach(id -> announcedBy.put(id, operator.id()));
            }
        } else if (upsert.record() instanceof ChargerRecord charger) {
            ChargerRecord previous = chargers.get(charger.id());
            if (supersedes(upsert, previous)) {
                unindex(previous);
                chargers.put(charger.id(), charger);
                chargersByChargePointId.put(charger.chargePointId(), charger);
                // an alias (a Zaptec charger's legacy device id) finds the same charger; its own id wins a clash
                charger.aliases().forEach(alias -> chargersByChargePointId.putIfAbsent(alias, charger));
                told(previous, charger);
            }
        } else if (upsert.record() instanceof SiteRecord site) {
            if (supersedes(upsert, sites.get(site.id()))) {
                sites.put(site.id(), site);
                siteChanges.forEach(listener -> listener.accept(site));
            }
        } else if (upsert.record() instanceof CardRecord card) {
            CardRecord previous = cards.get(card.id());
            if (supersedes(upsert, previous)) {
                unindex(previous);
                cards.put(card.id(), card);
                cardsByIdTag.put(CardKey.of(card), card);
                cardsOfAnyOperator.compute(CardKey.of(card).idTag(), (tag, known) -> with(known, card));
            }
        }
    }

    private void delete(RegistryChange.Delete delete) {
        if (EventCatalog.OPERATOR.equals(delete.type())) {
            unindex(operators.remove(delete.id()));
        } else if (EventCatalog.CHARGER.equals(delete.type())) {
            ChargerRecord removed = chargers.remove(delete.id());
            unindex(removed);
            if (removed != null) {
                told(removed, null);
            }
        } else if (EventCatalog.SITE.equals(delete.type())) {
            sites.remove(delete.id());
        } else if (EventCatalog.CARD.equals(delete.type())) {
            unindex(cards.remove(delete.id()));
        }
    }

    private void unindex(OperatorRecord operator) {
        if (operator != null && operator.chargerEnrollmentKeyHash() != null) {
            operatorsByEnrollmentKey.remove(operator.chargerEnrollmentKeyHash().toLowerCase(Locale.ROOT), operator);
        }
        if (operator != null) {
            operator.announcedChargePointIds().forEach(id -> announcedBy.remove(id, operator.id()));
        }
    }

    private void told(ChargerRecord before, ChargerRecord after) {
        for (ChargerChange listener : chargerChanges) {
            try {
                listener.changed(before, after);
            } catch (RuntimeException e) {
                // the projection must stay whole whatever a listener does
                io.quarkus.logging.Log.warnf(e, "A listener failed on the change of charger %s",
                        (after != null ? after : before).chargePointId());
            }
        }
    }

    private void unindex(ChargerRecord charger) {
        if (charger != null) {
            chargersByChargePointId.remove(charger.chargePointId(), charger);
            charger.aliases().forEach(alias -> chargersByChargePointId.remove(alias, charger));
        }
    }

    private void unindex(CardRecord card) {
        if (card != null) {
            cardsByIdTag.remove(CardKey.of(card), card);
            cardsOfAnyOperator.computeIfPresent(CardKey.of(card).idTag(), (tag, known) -> without(known, card));
        }
    }

    private static List<CardRecord> with(List<CardRecord> known, CardRecord card) {
        List<CardRecord> cards = new ArrayList<>(known == null ? List.of() : known);
        cards.removeIf(other -> other.id().equals(card.id()));
        cards.add(card);
        return List.copyOf(cards);
    }

    /** The list without this card, or null (no entry) when it was the last. */
    private static List<CardRecord> without(List<CardRecord> known, CardRecord card) {
        List<CardRecord> cards = known.stream().filter(other -> !other.id().equals(card.id())).toList();
        return cards.isEmpty() ? null : cards;
    }

    private static boolean supersedes(RegistryChange.Upsert upsert, RegistryRecord stored) {
        return stored == null || upsert.supersedes(stored.revision());
    }

    private record CardKey(UUID operatorId, String idTag) {
        static CardKey of(CardRecord card) {
            return new CardKey(card.operatorId(), IdTags.normalize(card.idTag()));
        }
    }
}
