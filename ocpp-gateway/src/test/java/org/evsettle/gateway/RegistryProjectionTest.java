package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.gateway.RegistryRecords.aCard;
import static org.evsettle.gateway.RegistryRecords.aCharger;
import static org.evsettle.gateway.RegistryRecords.feed;
import static org.evsettle.gateway.RegistryRecords.feedTombstone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.UnknownEvent;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.RegistryChange;
import org.junit.jupiter.api.Test;

class RegistryProjectionTest {

    private final RegistryProjection projection = new RegistryProjection();
    private final UUID operatorId = UUID.randomUUID();

    @Test
    void findsTheOperatorThatAnnouncedAnIdUntilItWithdrawsIt() {
        OperatorRecord announcing = RegistryRecords.withAnnouncements(RegistryRecords.anOperator(operatorId,
                "Europe/Amsterdam"), List.of("ZCS000143", "ZCS000144"), true);
        feed(projection, announcing);
        assertThat(projection.announcedBy("ZCS000143")).contains(operatorId);

        feed(projection, RegistryRecords.withAnnouncements(announcing, List.of("ZCS000144"), true));
        assertThat(projection.announcedBy("ZCS000143")).isEmpty();
        assertThat(projection.announcedBy("ZCS000144")).contains(operatorId);
        feedTombstone(projection, EventCatalog.OPERATOR, operatorId);
        assertThat(projection.announcedBy("ZCS000144")).isEmpty();
    }

    @Test
    void findsAChargerByItsAliasAsLongAsItsRecordNamesIt() {
        ChargerRecord serial = aCharger(operatorId, "ZCS000143", "a-password-of-sixteen");
        ChargerRecord aliased = RegistryRecords.withAliases(serial, List.of("ZAP-LEGACY-4711"));
        feed(projection, serial);
        assertThat(projection.charger("ZAP-LEGACY-4711")).isEmpty();

        feed(projection, aliased);
        assertThat(projection.charger("ZAP-LEGACY-4711")).contains(aliased);
        assertThat(projection.charger("ZCS000143")).contains(aliased);

        feed(projection, RegistryRecords.withAliases(aliased, List.of()));
        assertThat(projection.charger("ZAP-LEGACY-4711")).isEmpty();
        assertThat(projection.charger("ZCS000143")).isPresent();
        feed(projection, RegistryRecords.withAliases(RegistryRecords.withAliases(aliased, List.of()),
                List.of("ZAP-LEGACY-4711")));
        feedTombstone(projection, EventCatalog.CHARGER, serial.id());
        assertThat(projection.charger("ZAP-LEGACY-4711")).isEmpty();
    }

    @Test
    void letsAChargersOwnIdWinOverAnotherChargersAlias() {
        ChargerRecord aliased = RegistryRecords.withAliases(aCharger(operatorId, "ZCS000150", "a-password-of-sixteen"),
                List.of("ZAP-CLASH"));
        ChargerRecord own = aCharger(operatorId, "ZAP-CLASH", "a-password-of-sixteen");
        feed(projection, own);
        feed(projection, aliased);

        assertThat(projection.charger("ZAP-CLASH")).contains(own);
        assertThat(projection.charger("ZCS000150")).contains(aliased);
    }

    @Test
    void tellsListenersOfEveryChargerChangeItApplies() {
        List<String> told = new ArrayList<>();
        projection.onChargerChange((before, after) -> told.add((before == null ? "-" : before.revision()) + ">"
                + (after == null ? "-" : after.revision())));
        ChargerRecord v1 = aCharger(operatorId, "ZAP-LISTENED", "a-password-of-sixteen");
        feed(projection, v1);
        ChargerRecord v2 = RegistryRecords.withStatus(v1, "DECOMMISSIONED");
        feed(projection, v2);
        feed(projection, v1); // an older revision changes nothing
        feedTombstone(projection, EventCatalog.CHARGER, v1.id());

        assertThat(told).containsExactly("->1", "1>2", "2>-");
    }

    @Test
    void keepsTheHighestRevisionOfACard() {
        CardRecord v2 = aCard(operatorId, "04A2B3C4", c -> c.revision(2).status("BLOCKED"));
        CardRecord v1 = aCard(operatorId, "04A2B3C4", c -> c.id(v2.id()).revision(1));

        feed(projection, v2);
        feed(projection, v1);

        assertThat(projection.card(operatorId, "04A2B3C4")).get().extracting(CardRecord::status).isEqualTo("BLOCKED");
    }

    @Test
    void findsACardByTheIdTagAsAChargerSpellsIt() {
        feed(projection, aCard(operatorId, "04A2B3C4D5E680", c -> c));

        assertThat(projection.card(operatorId, "04:a2:b3:c4:d5:e6:80")).isPresent();
        assertThat(projection.card(operatorId, "nfc-04a2b3c4d5e680")).isPresent();
        assertThat(projection.card(UUID.randomUUID(), "04A2B3C4D5E680")).isEmpty();
    }

    @Test
    void indexesTheCardsOfEveryOperatorByIdTagAtTheirLatestRevision() {
        UUID partnerId = UUID.randomUUID();
        CardRecord own = aCard(operatorId, "0A1B2C3D", c -> c);
        CardRecord partners = aCard(partnerId, "0A1B2C3D", c -> c);
        feed(projection, own);
        feed(projection, partners);
        CardRecord blocked = aCard(partnerId, "0A1B2C3D", c -> c.id(partners.id()).revision(2).status("BLOCKED"));
        feed(projection, blocked);

        assertThat(projection.cardsOfAnyOperator("0a:1b:2c:3d")).containsExactlyInAnyOrder(own, blocked);

        feedTombstone(projection, EventCatalog.CARD, own.id());
        assertThat(projection.cardsOfAnyOperator("0A1B2C3D")).containsExactly(blocked);
        feedTombstone(projection, EventCatalog.CARD, partners.id());
        assertThat(projection.cardsOfAnyOperator("0A1B2C3D")).isEmpty();
    }

    @Test
    void movesTheIndexWhenAChargerIsRenamed() {
        ChargerRecord before = aCharger(operatorId, "OLD-1", "password-of-16-chars");
        ChargerRecord after = new ChargerRecord(before.id(), 2, operatorId, before.siteId(), "NEW-1", 2, null, null,
                null, before.ocppPasswordHash(), "ACTIVE");

        feed(projection, before);
        feed(projection, after);

        assertThat(projection.charger("OLD-1")).isEmpty();
        assertThat(projection.charger("NEW-1")).get().extracting(ChargerRecord::id).isEqualTo(before.id());
    }

    @Test
    void deletesOnATombstone() {
        ChargerRecord charger = aCharger(operatorId, "GONE-1", "password-of-16-chars");
        CardRecord card = aCard(operatorId, "AABBCCDD", c -> c);
        feed(projection, charger);
        feed(projection, card);

        assertThat(feedTombstone(projection, EventCatalog.CHARGER, charger.id()))
                .isEqualTo(new RegistryChange.Delete(EventCatalog.CHARGER, charger.id()));
        feedTombstone(projection, EventCatalog.CARD, card.id());

        assertThat(projection.charger("GONE-1")).isEmpty();
        assertThat(projection.card(operatorId, "AABBCCDD")).isEmpty();
    }

    @Test
    void skipsAValueItCannotReadAndKeepsWhatItHas() {
        ChargerRecord charger = aCharger(operatorId, "KEPT-1", "password-of-16-chars");
        feed(projection, charger);

        RegistryChange change = projection.apply(Topics.REGISTRY_CHARGERS, charger.id().toString(),
                new Envelope<>(UUID.randomUUID(), "evsettle.registry.charger.v9", "user-service",
                        charger.id().toString(), Instant.now(),
                        new UnknownEvent(charger.id().toString(), "evsettle.registry.charger.v9", "a newer version")));

        assertThat(change).isInstanceOf(RegistryChange.Malformed.class);
        assertThat(projection.charger("KEPT-1")).get().isEqualTo(charger);
    }

    @Test
    void skipsATombstoneWhoseKeyIsNoEntityId() {
        ChargerRecord charger = aCharger(operatorId, "KEPT-2", "password-of-16-chars");
        feed(projection, charger);

        RegistryChange change = projection.apply(Topics.REGISTRY_CHARGERS, "KEPT-2",
                Envelope.tombstone(EventCatalog.CHARGER, "user-service", "KEPT-2"));

        assertThat(change).isInstanceOfSatisfying(RegistryChange.Malformed.class,
                malformed -> assertThat(malformed.reason()).contains("KEPT-2"));
        assertThat(projection.charger("KEPT-2")).get().isEqualTo(charger);
    }

    @Test
    void skipsARecordPublishedUnderAnotherEntitysKey() {
        ChargerRecord charger = aCharger(operatorId, "KEPT-3", "password-of-16-chars");
        feed(projection, charger);
        ChargerRecord renamed = new ChargerRecord(charger.id(), 2, operatorId, charger.siteId(), "STOLEN-3", 2, null,
                null, null, charger.ocppPasswordHash(), "ACTIVE");
        UUID otherId = UUID.randomUUID();

        RegistryChange change = projection.apply(Topics.REGISTRY_CHARGERS, otherId.toString(),
                Envelope.of("user-service", renamed));

        assertThat(change).isInstanceOf(RegistryChange.Malformed.class);
        assertThat(projection.charger("KEPT-3")).get().isEqualTo(charger);
        assertThat(projection.charger("STOLEN-3")).isEmpty();
    }

    @Test
    void skipsARecordOfAnotherTypeThanItsTopicCarries() {
        CardRecord card = aCard(operatorId, "CAFEBABE", c -> c);

        RegistryChange change = projection.apply(Topics.REGISTRY_CHARGERS, card.id().toString(),
                Envelope.of("user-service", card));

        assertThat(change).isInstanceOf(RegistryChange.Malformed.class);
        assertThat(projection.card(operatorId, "CAFEBABE")).isEmpty();
        assertThat(projection.cardsOfAnyOperator("CAFEBABE")).isEmpty();
    }

    @Test
    void isNotReadyUntilMarked() {
        assertThat(projection.isReady()).isFalse();
        projection.markReady();
        assertThat(projection.isReady()).isTrue();
    }
}
