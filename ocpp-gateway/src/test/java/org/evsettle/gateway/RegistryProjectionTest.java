package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.gateway.RegistryRecords.aCard;
import static org.evsettle.gateway.RegistryRecords.aCharger;

import java.time.Instant;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.junit.jupiter.api.Test;

class RegistryProjectionTest {

    private final RegistryProjection projection = new RegistryProjection();
    private final UUID operatorId = UUID.randomUUID();

    @Test
    void keepsTheHighestRevisionOfACard() {
        CardRecord v2 = aCard(operatorId, "04A2B3C4", c -> c.revision(2).status("BLOCKED"));
        CardRecord v1 = aCard(operatorId, "04A2B3C4", c -> c.id(v2.id()).revision(1));

        projection.apply(Envelope.of("user-service", v2));
        projection.apply(Envelope.of("user-service", v1));

        assertThat(projection.card(operatorId, "04A2B3C4")).get().extracting(CardRecord::status).isEqualTo("BLOCKED");
    }

    @Test
    void findsACardByTheIdTagAsAChargerSpellsIt() {
        projection.apply(Envelope.of("user-service", aCard(operatorId, "04A2B3C4D5E680", c -> c)));

        assertThat(projection.card(operatorId, "04:a2:b3:c4:d5:e6:80")).isPresent();
        assertThat(projection.card(operatorId, "nfc-04a2b3c4d5e680")).isPresent();
        assertThat(projection.card(UUID.randomUUID(), "04A2B3C4D5E680")).isEmpty();
    }

    @Test
    void indexesTheCardsOfEveryOperatorByIdTagAtTheirLatestRevision() {
        UUID partnerId = UUID.randomUUID();
        CardRecord own = aCard(operatorId, "0A1B2C3D", c -> c);
        CardRecord partners = aCard(partnerId, "0A1B2C3D", c -> c);
        projection.apply(Envelope.of("user-service", own));
        projection.apply(Envelope.of("user-service", partners));
        CardRecord blocked = aCard(partnerId, "0A1B2C3D", c -> c.id(partners.id()).revision(2).status("BLOCKED"));
        projection.apply(Envelope.of("user-service", blocked));

        assertThat(projection.cardsOfAnyOperator("0a:1b:2c:3d")).containsExactlyInAnyOrder(own, blocked);

        projection.apply(Envelope.tombstone(EventCatalog.CARD, "user-service", own.id().toString()));
        assertThat(projection.cardsOfAnyOperator("0A1B2C3D")).containsExactly(blocked);
        projection.apply(Envelope.tombstone(EventCatalog.CARD, "user-service", partners.id().toString()));
        assertThat(projection.cardsOfAnyOperator("0A1B2C3D")).isEmpty();
    }

    @Test
    void movesTheIndexWhenAChargerIsRenamed() {
        ChargerRecord before = aCharger(operatorId, "OLD-1", "password-of-16-chars");
        ChargerRecord after = new ChargerRecord(before.id(), 2, operatorId, before.siteId(), "NEW-1", 2, null, null,
                null, before.ocppPasswordHash(), "ACTIVE");

        projection.apply(Envelope.of("user-service", before));
        projection.apply(Envelope.of("user-service", after));

        assertThat(projection.charger("OLD-1")).isEmpty();
        assertThat(projection.charger("NEW-1")).get().extracting(ChargerRecord::id).isEqualTo(before.id());
    }

    @Test
    void deletesOnATombstone() {
        ChargerRecord charger = aCharger(operatorId, "GONE-1", "password-of-16-chars");
        CardRecord card = aCard(operatorId, "AABBCCDD", c -> c);
        projection.apply(Envelope.of("user-service", charger));
        projection.apply(Envelope.of("user-service", card));

        projection.apply(Envelope.tombstone(EventCatalog.CHARGER, "user-service", charger.id().toString()));
        projection.apply(Envelope.tombstone(EventCatalog.CARD, "user-service", card.id().toString()));

        assertThat(projection.charger("GONE-1")).isEmpty();
        assertThat(projection.card(operatorId, "AABBCCDD")).isEmpty();
    }

    @Test
    void skipsRecordsItCannotReadAndKeepsWhatItHas() {
        ChargerRecord charger = aCharger(operatorId, "KEPT-1", "password-of-16-chars");
        projection.apply(Envelope.of("user-service", charger));

        projection.apply(new Envelope<>(UUID.randomUUID(), "evsettle.registry.charger.v9", "registry.chargers",
                charger.id().toString(), Instant.now(),
                new UnknownEvent(charger.id().toString(), "evsettle.registry.charger.v9", "a newer version")));

        assertThat(projection.charger("KEPT-1")).get().isEqualTo(charger);
    }

    @Test
    void isNotReadyUntilMarked() {
        assertThat(projection.isReady()).isFalse();
        projection.markReady();
        assertThat(projection.isReady()).isTrue();
    }
}
