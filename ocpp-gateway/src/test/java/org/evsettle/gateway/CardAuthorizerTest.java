package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.gateway.RegistryRecords.aCard;
import static org.evsettle.gateway.RegistryRecords.aCharger;
import static org.evsettle.gateway.RegistryRecords.anOperator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.evsettle.events.Envelope;
import org.evsettle.events.registry.ChargerRecord;
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
        registry.apply(Envelope.of("user-service", anOperator(operatorId, "Europe/Amsterdam")));
        registry.apply(Envelope.of("user-service", aCard(operatorId, "04A2B3C4D5E680", changes)));

        CardAuthorization verdict = authorizer.authorize(Optional.of(charger), "04a2b3c4d5e680");

        assertThat(verdict.status()).isEqualTo(expected);
        assertThat(verdict.card()).isPresent();
    }

    @Test
    void givesTheEndOfTheLastValidDayInTheOperatorsZoneAsExpiryDate() {
        registry.apply(Envelope.of("user-service", anOperator(operatorId, "Europe/Amsterdam")));
        registry.apply(Envelope.of("user-service",
                aCard(operatorId, "AABBCCDD", c -> c.validUntil(LocalDate.parse("2026-07-31")))));

        CardAuthorization verdict = authorizer.authorize(Optional.of(charger), "AABBCCDD");

        assertThat(verdict.expiryDate()).isEqualTo(Instant.parse("2026-07-31T22:00:00Z"));
    }

    @Test
    void refusesAnUnknownIdTagAndACardOfAnotherOperatorAsInvalid() {
        registry.apply(Envelope.of("user-service", aCard(UUID.randomUUID(), "11223344", c -> c)));

        assertThat(authorizer.authorize(Optional.of(charger), "11223344").status()).isEqualTo(AuthorizationStatus.INVALID);
        assertThat(authorizer.authorize(Optional.of(charger), "99887766").status()).isEqualTo(AuthorizationStatus.INVALID);
    }

    @Test
    void refusesEveryCardAtAChargerTheRegistryDoesNotKnow() {
        registry.apply(Envelope.of("user-service", aCard(operatorId, "55667788", c -> c)));

        assertThat(authorizer.authorize(Optional.empty(), "55667788").status()).isEqualTo(AuthorizationStatus.INVALID);
    }

    @Test
    void refusesEveryCardAtAChargerAwaitingApproval() {
        registry.apply(Envelope.of("user-service", aCard(operatorId, "55667788", c -> c)));
        ChargerRecord pending = RegistryRecords.withStatus(charger, "PENDING_APPROVAL");

        assertThat(authorizer.authorize(Optional.of(pending), "55667788").status()).isEqualTo(AuthorizationStatus.INVALID);
        assertThat(authorizer.authorize(Optional.of(charger), "55667788").status()).isEqualTo(AuthorizationStatus.ACCEPTED);
    }

    @Test
    void groupsTheCardsOfOneDriverUnderOneParentIdTagOfTwentyCharactersAtMost() {
        UUID driverId = UUID.randomUUID();
        registry.apply(Envelope.of("user-service", aCard(operatorId, "AA000001", c -> c.driverId(driverId))));
        registry.apply(Envelope.of("user-service", aCard(operatorId, "AA000002", c -> c.driverId(driverId).status("BLOCKED"))));
        registry.apply(Envelope.of("user-service", aCard(operatorId, "AA000003", c -> c)));

        String parent = authorizer.authorize(Optional.of(charger), "AA000001").parentIdTag();

        assertThat(parent).hasSizeLessThanOrEqualTo(20).isNotBlank();
        assertThat(authorizer.authorize(Optional.of(charger), "AA000002").parentIdTag()).isEqualTo(parent);
        assertThat(authorizer.authorize(Optional.of(charger), "AA000003").parentIdTag()).isNotEqualTo(parent);
        assertThat(authorizer.authorize(Optional.of(charger), "AA000004").parentIdTag()).isNull();
    }
}
