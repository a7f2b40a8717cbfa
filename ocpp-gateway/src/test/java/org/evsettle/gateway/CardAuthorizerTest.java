package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.gateway.RegistryRecords.aCard;
import static org.evsettle.gateway.RegistryRecords.aCharger;
import static org.evsettle.gateway.RegistryRecords.anOperator;
import static org.evsettle.gateway.RegistryRecords.withRoaming;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.events.registry.RegistryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CardAuthorizerTest {

    /** 30 June 2026, 22:30 UTC: already 1 July in Amsterdam (UTC+2), still 30 June in UTC. */
    private static final Instant NOW = Instant.parse("2026-06-30T22:30:00Z");

    private final RegistryProjection registry = new RegistryProjection();
    private final CardAuthorizer authorizer = new CardAuthorizer(registry, Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID operatorId = UUID.randomUUID();
    private final ChargerRecord charger = aCharger(operatorId, "ZAP-" + UUID.randomUUID(), "password-of-16-chars");
    private final UUID partnerId = UUID.randomUUID();

    static Stream<Arguments> cards() {
        return Stream.of(
                Arguments.of("active without end date", card(c -> c), AuthorizationStatus.ACCEPTED),
                Arguments.of("active until tomorrow", card(c -> c.validUntil(LocalDate.parse("2026-07-02"))),
                        AuthorizationStatus.ACCEPTED),
                Arguments.of("active until today in Amsterdam (inclusive)",
                        card(c -> c.validUntil(LocalDate.parse("2026-07-01"))), AuthorizationStatus.ACCEPTED),
                Arguments.of("active until yesterday in Amsterdam, today in UTC",
                        card(c -> c.validUntil(LocalDate.parse("2026-06-30"))), AuthorizationStatus.EXPIRED),
                Arguments.of("blocked", card(c -> c.status("BLOCKED")), AuthorizationStatus.BLOCKED),
                Arguments.of("lost", card(c -> c.status("LOST")), AuthorizationStatus.BLOCKED),
                Arguments.of("expired", card(c -> c.status("EXPIRED")), AuthorizationStatus.EXPIRED),
                Arguments.of("a status it does not know", card(c -> c.status("SUSPENDED")), AuthorizationStatus.INVALID));
    }

    private static UnaryOperator<RegistryRecords.CardBuilder> card(UnaryOperator<RegistryRecords.CardBuilder> changes) {
        return changes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cards")
    void judgesACardOfTheChargersOperator(String name, UnaryOperator<RegistryRecords.CardBuilder> changes,
                                           AuthorizationStatus expected) {
        RegistryRecords.feed(registry, anOperator(operatorId, "Europe/Amsterdam"));
        RegistryRecords.feed(registry, aCard(operatorId, "04A2B3C4D5E680", changes));

        CardAuthorization verdict = authorizer.authorize(Optional.of(charger), "04a2b3c4d5e680");

        assertThat(verdict.status()).isEqualTo(expected);
        assertThat(verdict.card()).isPresent();
    }

    @Test
    void givesTheEndOfTheLastValidDayInTheOperatorsZoneAsExpiryDate() {
        RegistryRecords.feed(registry, anOperator(operatorId, "Europe/Amsterdam"));
        RegistryRecords.feed(registry, aCard(operatorId, "AABBCCDD", c -> c.validUntil(LocalDate.parse("2026-07-31"))));

        CardAuthorization verdict = authorizer.authorize(Optional.of(charger), "AABBCCDD");

        assertThat(verdict.expiryDate()).isEqualTo(Instant.parse("2026-07-31T22:00:00Z"));
    }

    @Test
    void readsTheDaysOfAnOperatorWithoutATimeZoneInThePlatformsDefaultZone() {
        RegistryRecords.feed(registry, anOperator(operatorId, null));
        RegistryRecords.feed(registry, aCard(operatorId, "ABCDEF01", c -> c.validUntil(LocalDate.parse("2026-06-30"))));
        RegistryRecords.feed(registry, aCard(operatorId, "ABCDEF02", c -> c.validUntil(LocalDate.parse("2026-07-31"))));

        // already 1 July in the default zone (Europe/Amsterdam), still 30 June in UTC
        assertThat(statusOf("ABCDEF01")).isEqualTo(AuthorizationStatus.EXPIRED);
        assertThat(authorizer.authorize(Optional.of(charger), "ABCDEF02").expiryDate())
                .isEqualTo(LocalDate.parse("2026-08-01").atStartOfDay(OperatorZone.DEFAULT).toInstant());
    }

    @Test
    void refusesAnUnknownIdTagAndACardOfAnotherOperatorAsInvalid() {
        RegistryRecords.feed(registry, aCard(UUID.randomUUID(), "11223344", c -> c));

        assertThat(authorizer.authorize(Optional.of(charger), "11223344").status()).isEqualTo(AuthorizationStatus.INVALID);
        assertThat(authorizer.authorize(Optional.of(charger), "99887766").status()).isEqualTo(AuthorizationStatus.INVALID);
    }

    @Test
    void refusesEveryCardAtAChargerTheRegistryDoesNotKnow() {
        RegistryRecords.feed(registry, aCard(operatorId, "55667788", c -> c));

        assertThat(authorizer.authorize(Optional.empty(), "55667788").status()).isEqualTo(AuthorizationStatus.INVALID);
    }

    @Test
    void refusesEveryCardAtAChargerAwaitingApproval() {
        RegistryRecords.feed(registry, aCard(operatorId, "55667788", c -> c));
        ChargerRecord pending = RegistryRecords.withStatus(charger, "PENDING_APPROVAL");

        assertThat(authorizer.authorize(Optional.of(pending), "55667788").status()).isEqualTo(AuthorizationStatus.INVALID);
        assertThat(authorizer.authorize(Optional.of(charger), "55667788").status()).isEqualTo(AuthorizationStatus.ACCEPTED);
    }

    @Test
    void groupsTheCardsOfOneDriverUnderOneParentIdTagOfTwentyCharactersAtMost() {
        UUID driverId = UUID.randomUUID();
        RegistryRecords.feed(registry, aCard(operatorId, "AA000001", c -> c.driverId(driverId)));
        RegistryRecords.feed(registry, aCard(operatorId, "AA000002", c -> c.driverId(driverId).status("BLOCKED")));
        RegistryRecords.feed(registry, aCard(operatorId, "AA000003", c -> c));

        String parent = authorizer.authorize(Optional.of(charger), "AA000001").parentIdTag();

        assertThat(parent).hasSizeLessThanOrEqualTo(20).isNotBlank();
        assertThat(authorizer.authorize(Optional.of(charger), "AA000002").parentIdTag()).isEqualTo(parent);
        assertThat(authorizer.authorize(Optional.of(charger), "AA000003").parentIdTag()).isNotEqualTo(parent);
        assertThat(authorizer.authorize(Optional.of(charger), "AA000004").parentIdTag()).isNull();
    }

    @Test
    void acceptsAPartnersCardOnlyWhileBothOperatorsConsent() {
        OperatorRecord host = apply(anOperator(operatorId, "Europe/Amsterdam"));
        OperatorRecord partner = apply(anOperator(partnerId, "Europe/Amsterdam"));
        CardRecord card = apply(aCard(partnerId, "0A0B0C0D", c -> c));
        assertThat(statusOf("0A0B0C0D")).as("no consent").isEqualTo(AuthorizationStatus.INVALID);

        host = apply(withRoaming(host, List.of(), List.of(partnerId)));
        assertThat(statusOf("0A0B0C0D")).as("only the charger's operator").isEqualTo(AuthorizationStatus.INVALID);

        partner = apply(withRoaming(partner, List.of(operatorId), List.of()));
        CardAuthorization accepted = authorizer.authorize(Optional.of(charger), "0a:0b:0c:0d");
        assertThat(accepted.status()).as("both").isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(accepted.card()).contains(card);

        host = apply(withRoaming(host, List.of(), List.of()));
        assertThat(statusOf("0A0B0C0D")).as("only the card's operator").isEqualTo(AuthorizationStatus.INVALID);

        apply(withRoaming(host, List.of(), List.of(partnerId)));
        assertThat(statusOf("0A0B0C0D")).isEqualTo(AuthorizationStatus.ACCEPTED);
        apply(withRoaming(partner, List.of(), List.of()));
        assertThat(statusOf("0A0B0C0D")).as("withdrawn by the card's operator").isEqualTo(AuthorizationStatus.INVALID);
    }

    @Test
    void letsPartnerCardsInOneWayOnly() {
        consent(partnerId, operatorId);
        ChargerRecord partnersCharger = aCharger(partnerId, "ZAP-" + UUID.randomUUID(), "password-of-16-chars");
        apply(aCard(operatorId, "0C0C0C0C", c -> c));

        assertThat(authorizer.authorize(Optional.of(partnersCharger), "0C0C0C0C").status())
                .as("the host's own card at the partner's charger").isEqualTo(AuthorizationStatus.INVALID);
    }

    @Test
    void judgesAPartnersCardByItsStatusAndTheTimeZoneOfItsOperator() {
        apply(anOperator(operatorId, "Europe/Amsterdam"));
        apply(withRoaming(anOperator(operatorId, "Europe/Amsterdam"), List.of(), List.of(partnerId)));
        apply(withRoaming(anOperator(partnerId, "UTC"), List.of(operatorId), List.of()));
        apply(aCard(partnerId, "0D0D0D01", c -> c.validUntil(LocalDate.parse("2026-06-30"))));
        apply(aCard(partnerId, "0D0D0D02", c -> c.status("BLOCKED")));

        CardAuthorization lastDay = authorizer.authorize(Optional.of(charger), "0D0D0D01");
        assertThat(lastDay.status()).as("still 30 June in UTC").isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(lastDay.expiryDate()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        CardAuthorization blocked = authorizer.authorize(Optional.of(charger), "0D0D0D02");
        assertThat(blocked.status()).isEqualTo(AuthorizationStatus.BLOCKED);
        assertThat(blocked.card()).get().extracting(CardRecord::operatorId).isEqualTo(partnerId);
    }

    @Test
    void prefersTheChargersOwnCardOverAPartnersWithTheSameIdTag() {
        consent(partnerId, operatorId);
        apply(aCard(partnerId, "0E0E0E0E", c -> c));
        CardRecord own = apply(aCard(operatorId, "0E0E0E0E", c -> c.status("BLOCKED")));

        CardAuthorization verdict = authorizer.authorize(Optional.of(charger), "0E0E0E0E");

        assertThat(verdict.status()).isEqualTo(AuthorizationStatus.BLOCKED);
        assertThat(verdict.card()).contains(own);
    }

    @Test
    void refusesAnIdTagThatSeveralPartnersHaveACardWith() {
        UUID otherPartnerId = UUID.randomUUID();
        UUID strangerId = UUID.randomUUID();
        apply(anOperator(strangerId, "Europe/Amsterdam"));
        apply(withRoaming(anOperator(partnerId, "Europe/Amsterdam"), List.of(operatorId), List.of()));
        apply(withRoaming(anOperator(otherPartnerId, "Europe/Amsterdam"), List.of(operatorId), List.of()));
        OperatorRecord host = apply(withRoaming(anOperator(operatorId, "Europe/Amsterdam"), List.of(),
                List.of(partnerId)));
        apply(aCard(partnerId, "0F0F0F0F", c -> c));
        apply(aCard(otherPartnerId, "0F0F0F0F", c -> c));
        apply(aCard(strangerId, "0F0F0F0F", c -> c));
        assertThat(statusOf("0F0F0F0F")).as("one partner, and cards of operators without consent")
                .isEqualTo(AuthorizationStatus.ACCEPTED);

        apply(withRoaming(host, List.of(), List.of(partnerId, otherPartnerId)));
        CardAuthorization verdict = authorizer.authorize(Optional.of(charger), "0F0F0F0F");

        assertThat(verdict.status()).isEqualTo(AuthorizationStatus.INVALID);
        assertThat(verdict.card()).isEmpty();
    }

    /** Both operators consent that cards of the first are valid at chargers of the second. */
    private void consent(UUID cardOperatorId, UUID chargerOperatorId) {
        apply(withRoaming(anOperator(cardOperatorId, "Europe/Amsterdam"), List.of(chargerOperatorId), List.of()));
        apply(withRoaming(anOperator(chargerOperatorId, "Europe/Amsterdam"), List.of(), List.of(cardOperatorId)));
    }

    private <T extends RegistryRecord> T apply(T record) {
        RegistryRecords.feed(registry, record);
        return record;
    }

    private AuthorizationStatus statusOf(String idTag) {
        return authorizer.authorize(Optional.of(charger), idTag).status();
    }
}
