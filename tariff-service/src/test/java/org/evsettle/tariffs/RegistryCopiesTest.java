package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.tariffs.RegistryFixtures.charger;
import static org.evsettle.tariffs.RegistryFixtures.operator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.evsettle.events.Envelope;
import org.evsettle.events.EventCatalog;
import org.evsettle.events.Topics;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.OperatorZone;
import org.evsettle.outbox.registry.RegistryProjection;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * The copies of the registry this service keeps (TariffRegistry), as the kit's projection keeps them,
 * record by record in a known order: a registry record delivered late or twice must never roll back
 * what this service knows, and the fields pricing reads come out as tariffs need them.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RegistryCopiesTest {

    @Inject
    RegistryProjection projection;

    @Test
    void givesAnOperatorWithoutZoneOrCurrencyThePlatformsDefaults() {
        UUID operatorId = UUID.randomUUID();

        apply(Topics.REGISTRY_OPERATORS, Envelope.of(RegistryFixtures.USER_SERVICE,
                operator(operatorId, 1, null, null, List.of())));

        assertThat(inTransaction(() -> Operator.zoneOf(operatorId))).isEqualTo(OperatorZone.DEFAULT);
        assertThat(inTransaction(() -> Operator.currencyOf(operatorId))).isEqualTo(OperatorRecord.DEFAULT_CURRENCY);
        assertThat(inTransaction(() -> Operator.userTypesOf(operatorId))).isEqualTo(Operator.STANDARD_USER_TYPES);
    }

    @Test
    void keepsTheNewerOperatorWhenAnOlderRevisionArrivesLate() {
        UUID operatorId = UUID.randomUUID();

        apply(Topics.REGISTRY_OPERATORS, Envelope.of(RegistryFixtures.USER_SERVICE,
                operator(operatorId, 2, "Europe/London", "GBP", List.of("RESIDENT", "GUEST", "STAFF"))));
        apply(Topics.REGISTRY_OPERATORS, Envelope.of(RegistryFixtures.USER_SERVICE,
                operator(operatorId, 1, "Europe/Amsterdam", "EUR", List.of("RESIDENT", "GUEST"))));

        assertThat(inTransaction(() -> Operator.userTypesOf(operatorId))).containsExactly("RESIDENT", "GUEST", "STAFF");
        assertThat(inTransaction(() -> Operator.zoneOf(operatorId))).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(inTransaction(() -> Operator.currencyOf(operatorId))).isEqualTo("GBP");
        assertThat(RegistryFixtures.revision(Operator.class, operatorId)).isEqualTo(2);
    }

    @Test
    void replacesAChargerWithANewerRevisionAndIgnoresItsRedelivery() {
        UUID chargerId = UUID.randomUUID();
        UUID operatorId = UUID.randomUUID();
        UUID firstSite = UUID.randomUUID();
        UUID secondSite = UUID.randomUUID();
        String chargePointId = "ALF-" + chargerId.toString().substring(0, 8);
        Envelope<?> moved = Envelope.of(RegistryFixtures.USER_SERVICE,
                charger(chargerId, 3, operatorId, secondSite, chargePointId, "ACTIVE"));

        apply(Topics.REGISTRY_CHARGERS, Envelope.of(RegistryFixtures.USER_SERVICE,
                charger(chargerId, 1, operatorId, firstSite, chargePointId, "ACTIVE")));
        apply(Topics.REGISTRY_CHARGERS, moved);
        apply(Topics.REGISTRY_CHARGERS, moved);
        apply(Topics.REGISTRY_CHARGERS, Envelope.of(RegistryFixtures.USER_SERVICE,
                charger(chargerId, 2, operatorId, firstSite, chargePointId, "ACTIVE")));

        Optional<UUID> site = inTransaction(() -> Charger.inService(chargePointId).map(c -> c.siteId));
        assertThat(site).contains(secondSite);
        assertThat(RegistryFixtures.revision(Charger.class, chargerId)).isEqualTo(3);
    }

    @Test
    void deletesAChargerOnATombstoneAndTakesItsRepetitionCalmly() {
        UUID chargerId = UUID.randomUUID();
        String chargePointId = "ALF-" + chargerId.toString().substring(0, 8);
        apply(Topics.REGISTRY_CHARGERS, Envelope.of(RegistryFixtures.USER_SERVICE,
                charger(chargerId, 1, UUID.randomUUID(), null, chargePointId, "ACTIVE")));
        Envelope<?> removed = Envelope.tombstone(EventCatalog.CHARGER, RegistryFixtures.USER_SERVICE,
                chargerId.toString());

        apply(Topics.REGISTRY_CHARGERS, removed);
        apply(Topics.REGISTRY_CHARGERS, removed);

        assertThat(RegistryFixtures.revision(Charger.class, chargerId)).isEqualTo(-1);
        assertThat(inTransaction(() -> Charger.inService(chargePointId))).isEmpty();
    }

    private void apply(String topic, Envelope<?> envelope) {
        QuarkusTransaction.requiringNew().run(() -> projection.apply(topic, envelope.subject(), envelope));
    }

    private static <T> T inTransaction(Callable<T> read) {
        return QuarkusTransaction.requiringNew().call(read);
    }
}
