package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evsettle.gateway.OcppPipelineTest.dataOf;
import static org.evsettle.gateway.OcppPipelineTest.randomTag;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.ocpp.TransactionStarted;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/** Cards of a partner operator at a charger: valid only with consent of both operators, billed by the card's. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RoamingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI http;

    @Inject
    RegistryProjection registry;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @Test
    void acceptsAPartnersCardOnlyWhileBothOperatorsConsent() {
        GatewayFixtures.Site host = fixtures.aSite();
        GatewayFixtures.Site partner = fixtures.aSite();
        String idTag = "0A0B0C" + randomTag();
        fixtures.aCard(partner.operatorId(), idTag, c -> c);
        awaitCard(partner.operatorId(), idTag);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), host)) {
            assertThat(statusOf(charger, idTag)).as("no consent").isEqualTo("Invalid");

            OperatorRecord hostRecord = applied(fixtures.roaming(GatewayFixtures.operatorOf(host), List.of(),
                    List.of(partner.operatorId())));
            assertThat(statusOf(charger, idTag)).as("only the charger's operator consents").isEqualTo("Invalid");

            OperatorRecord partnerRecord = fixtures.roaming(GatewayFixtures.operatorOf(partner),
                    List.of(host.operatorId()), List.of());
            awaitStatus(charger, idTag, "Accepted");

            hostRecord = fixtures.roaming(hostRecord, List.of(), List.of());
            awaitStatus(charger, idTag, "Invalid");
            assertThat(registry.operator(partner.operatorId())).as("only the card's operator consents")
                    .contains(partnerRecord);

            fixtures.roaming(hostRecord, List.of(), List.of(partner.operatorId()));
            awaitStatus(charger, idTag, "Accepted");
            fixtures.roaming(partnerRecord, List.of(), List.of());
            awaitStatus(charger, idTag, "Invalid");
        }
    }

    @Test
    void startsAPartnersCardOnTheCardsOperatorAtTheChargersSiteAndCharger() {
        GatewayFixtures.Site host = fixtures.aSite();
        GatewayFixtures.Site partner = fixtures.aSite();
        consent(partner, host);
        String idTag = "0D1E2F" + randomTag();
        CardRecord card = fixtures.aCard(partner.operatorId(), idTag, c -> c);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), host)) {
            awaitStatus(charger, idTag, "Accepted");
            JsonNode answer = charger.call("StartTransaction",
                    GatewayFixtures.startTransaction(idTag, 2_000, GatewayFixtures.hoursAgo(1)));
            assertThat(answer.at("/idTagInfo/status").asText()).isEqualTo("Accepted");
        }

        TransactionStarted started = dataOf(fixtures.ocppEvents(host.chargePointId()), TransactionStarted.class).get(0);
        assertThat(started.authorization().status()).isEqualTo("Accepted");
        assertThat(started.authorization().operatorId()).as("the card's operator bills").isEqualTo(partner.operatorId());
        assertThat(started.authorization().siteId()).isEqualTo(host.charger().siteId());
        assertThat(started.authorization().chargerId()).isEqualTo(host.charger().id());
        assertThat(started.authorization().cardId()).isEqualTo(card.id());
        assertThat(started.authorization().driverId()).isEqualTo(card.driverId());
    }

    @Test
    void prefersTheChargersOwnCardOverAPartnersWithTheSameIdTag() {
        GatewayFixtures.Site host = fixtures.aSite();
        GatewayFixtures.Site partner = fixtures.aSite();
        consent(partner, host);
        String partnersOnly = "0B0B0B" + randomTag();
        String shared = "0E0E0E" + randomTag();
        fixtures.aCard(partner.operatorId(), partnersOnly, c -> c);
        fixtures.aCard(partner.operatorId(), shared, c -> c);
        CardRecord own = fixtures.aCard(host.operatorId(), shared, c -> c);
        awaitCard(host.operatorId(), shared);

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), host)) {
            awaitStatus(charger, partnersOnly, "Accepted");
            JsonNode answer = charger.call("StartTransaction",
                    GatewayFixtures.startTransaction(shared, 3_000, GatewayFixtures.hoursAgo(1)));
            assertThat(answer.at("/idTagInfo/status").asText()).isEqualTo("Accepted");
        }

        TransactionStarted started = dataOf(fixtures.ocppEvents(host.chargePointId()), TransactionStarted.class).get(0);
        assertThat(started.authorization().cardId()).isEqualTo(own.id());
        assertThat(started.authorization().operatorId()).isEqualTo(host.operatorId());
    }

    /** Cards of the first site's operator become valid at the second's chargers. */
    private void consent(GatewayFixtures.Site cardOperator, GatewayFixtures.Site chargerOperator) {
        applied(fixtures.roaming(GatewayFixtures.operatorOf(cardOperator), List.of(chargerOperator.operatorId()),
                List.of()));
        applied(fixtures.roaming(GatewayFixtures.operatorOf(chargerOperator), List.of(),
                List.of(cardOperator.operatorId())));
    }

    /** Waits until the gateway's projection holds this operator record (so that a refusal proves something). */
    private OperatorRecord applied(OperatorRecord operator) {
        await().atMost(PATIENCE).until(() -> registry.operator(operator.id())
                .filter(known -> known.revision() >= operator.revision()).isPresent());
        return operator;
    }

    private void awaitCard(UUID operatorId, String idTag) {
        await().atMost(PATIENCE).until(() -> registry.card(operatorId, idTag).isPresent());
    }

    private static void awaitStatus(ChargePointSimulator charger, String idTag, String expected) {
        await().atMost(PATIENCE).until(() -> expected.equals(statusOf(charger, idTag)));
    }

    private static String statusOf(ChargePointSimulator charger, String idTag) {
        return charger.call("Authorize", Map.of("idTag", idTag)).get("idTagInfo").get("status").asText();
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
