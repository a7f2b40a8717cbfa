package org.evsettle.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.events.EventJson;
import org.evsettle.events.Topics;
import org.evsettle.events.ocpp.ChargerCommandAnswered;
import org.evsettle.events.ocpp.ChargerCommandRequested;
import org.evsettle.gateway.messaging.CommandRelay;
import org.evsettle.testkit.ChargePointSimulator;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a command may do at a charger (CommandScope), from the API and from records written straight to
 * ocpp.commands: only for the charger's operator, and only with that operator's own cards, even where a
 * partner's cards are valid by roaming.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class CommandScopeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI http;

    @Inject
    CommandRelay relay;

    @Inject
    RegistryProjection registry;

    @Inject
    MeterRegistry meters;

    private final GatewayFixtures fixtures = new GatewayFixtures();

    @BeforeEach
    void relayIsListening() throws InterruptedException {
        assertThat(relay.awaitAssigned(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void refusesACommandRecordForAnotherOperatorOrNoneAndNeverSendsIt() {
        GatewayFixtures.Site site = fixtures.aSite();
        await().atMost(PATIENCE).until(() -> registry.charger(site.chargePointId()).isPresent());
        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), site)) {
            charger.onCall("Reset", payload -> Map.of("status", "Accepted"));
            await().atMost(PATIENCE).until(() -> holdsSocket(site));
            double refusedBefore = refusedResets();

            UUID otherOperators = publish(site.chargePointId(), "Reset", Map.of("type", "Hard"), UUID.randomUUID());
            UUID nobodys = publish(site.chargePointId(), "Reset", Map.of("type", "Hard"), null);
            UUID unknownCharger = publish("NOBODY-" + UUID.randomUUID(), "Reset", Map.of("type", "Hard"),
                    site.operatorId());

            for (UUID refused : List.of(otherOperators, nobodys, unknownCharger)) {
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(answersOf(refused)).isNotEmpty()
                        .allSatisfy(answer -> {
                            assertThat(answer.outcome()).isEqualTo("REFUSED");
                            assertThat(answer.errorDescription()).isNotBlank();
                        }));
            }
            assertThat(refusedResets()).isGreaterThanOrEqualTo(refusedBefore + 3);

            // the charger's own operator's record goes through, and it is the only call the charger saw
            UUID own = publish(site.chargePointId(), "Reset", Map.of("type", "Hard"), site.operatorId());
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(answersOf(own)).singleElement()
                    .satisfies(answer -> assertThat(answer.outcome()).isEqualTo("ANSWERED")));
            assertThat(charger.callsReceived()).singleElement()
                    .satisfies(call -> assertThat(call.get(1).asText()).isEqualTo(own.toString()));
        }
    }

    @Test
    void letsAHostStartOrListOnlyItsOwnCardsNotAPartnersIdTag() {
        GatewayFixtures.Site host = fixtures.aSite();
        GatewayFixtures.Site partner = fixtures.aSite();
        applied(fixtures.roaming(GatewayFixtures.operatorOf(partner), List.of(host.operatorId()), List.of()));
        applied(fixtures.roaming(GatewayFixtures.operatorOf(host), List.of(), List.of(partner.operatorId())));
        String partnersTag = "0A1B2C" + OcppPipelineTest.randomTag();
        String ownTag = "0C1D2E" + OcppPipelineTest.randomTag();
        fixtures.aCard(partner.operatorId(), partnersTag, c -> c);
        fixtures.aCard(host.operatorId(), ownTag, c -> c);
        await().atMost(PATIENCE).until(() -> registry.card(partner.operatorId(), partnersTag).isPresent()
                && registry.card(host.operatorId(), ownTag).isPresent()
                && registry.charger(host.chargePointId()).isPresent());
        String admin = TestTokens.operatorAdmin(host.operatorId());

        try (ChargePointSimulator charger = GatewayFixtures.connect(gateway(), host)) {
            charger.onCall("RemoteStartTransaction", payload -> Map.of("status", "Accepted"));
            charger.onCall("SendLocalList", payload -> Map.of("status", "Accepted"));
            await().atMost(PATIENCE).until(() -> holdsSocket(host));
            // the partner's card is valid at the host's charger when its driver presents it...
            await().atMost(PATIENCE).until(() -> "Accepted".equals(charger.call("Authorize",
                    Map.of("idTag", partnersTag)).at("/idTagInfo/status").asText()));
            int callsBefore = charger.callsReceived().size();

            // ...but the host cannot start it remotely nor put it in the charger's list, and the answer for
            // a partner's card is the answer for an idTag nobody issued
            for (String notOwn : List.of(partnersTag, "0F0F0F" + OcppPipelineTest.randomTag())) {
                command(admin, host.chargePointId(), "RemoteStartTransaction", Map.of("connectorId", 1, "idTag", notOwn))
                        .then().statusCode(422).contentType("application/problem+json")
                        .body("violations[0].field", equalTo("idTag"))
                        .body("violations[0].message", equalTo("is not a card of the charger's operator"))
                        .body(not(containsString(partner.operatorId().toString())));
            }
            command(TestTokens.platformAdmin(), host.chargePointId(), "SendLocalList", localList(ownTag, partnersTag))
                    .then().statusCode(422).body("violations[0].field", equalTo("localAuthorizationList[1].idTag"));
            UUID fromTopic = publish(host.chargePointId(), "RemoteStartTransaction",
                    Map.of("connectorId", 1, "idTag", partnersTag), host.operatorId());
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(answersOf(fromTopic)).singleElement()
                    .satisfies(answer -> {
                        assertThat(answer.outcome()).isEqualTo("REFUSED");
                        assertThat(answer.errorDescription()).isEqualTo("idTag is not a card of the charger's operator");
                    }));
            UUID listFromTopic = publish(host.chargePointId(), "SendLocalList", localList(partnersTag), host.operatorId());
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(answersOf(listFromTopic)).singleElement()
                    .satisfies(answer -> assertThat(answer.outcome()).isEqualTo("REFUSED")));
            assertThat(charger.callsReceived()).hasSize(callsBefore);

            // its own cards it may start and list; removing an idTag from the list grants nothing
            command(admin, host.chargePointId(), "RemoteStartTransaction", Map.of("connectorId", 1, "idTag", ownTag))
                    .then().statusCode(200).body("outcome", equalTo("ANSWERED"));
            Map<String, Object> ownAndRemoval = Map.of("listVersion", 2, "updateType", "Differential",
                    "localAuthorizationList", List.of(
                            Map.of("idTag", ownTag, "idTagInfo", Map.of("status", "Accepted")),
                            Map.of("idTag", partnersTag)));
            command(admin, host.chargePointId(), "SendLocalList", ownAndRemoval)
                    .then().statusCode(200).body("outcome", equalTo("ANSWERED"));
            assertThat(charger.callsReceived()).hasSize(callsBefore + 2);
        }
    }

    private static Map<String, Object> localList(String... idTags) {
        return Map.of("listVersion", 1, "updateType", "Full", "localAuthorizationList", java.util.Arrays.stream(idTags)
                .map(idTag -> Map.of("idTag", idTag, "idTagInfo", Map.of("status", "Accepted"))).toList());
    }

    private UUID publish(String chargePointId, String action, Map<String, Object> payload, UUID operatorId) {
        UUID commandId = UUID.randomUUID();
        fixtures.topics.publish("session-service", new ChargerCommandRequested(commandId, chargePointId, action,
                EventJson.mapper().valueToTree(payload), "someone-with-topic-access", Instant.now(), 30, operatorId));
        return commandId;
    }

    private double refusedResets() {
        Counter counter = meters.find("ocpp.commands").tags("action", "Reset", "outcome", "REFUSED").counter();
        return counter == null ? 0 : counter.count();
    }

    private void applied(org.evsettle.events.registry.OperatorRecord operator) {
        await().atMost(PATIENCE).until(() -> registry.operator(operator.id())
                .filter(known -> known.revision() >= operator.revision()).isPresent());
    }

    private boolean holdsSocket(GatewayFixtures.Site site) {
        return given().auth().oauth2(TestTokens.platformAdmin())
                .get("/api/chargers/{cp}/connection", site.chargePointId()).path("connected");
    }

    private List<ChargerCommandAnswered> answersOf(UUID commandId) {
        return fixtures.topics.readAll(Topics.OCPP_EVENTS, ChargerCommandAnswered.class,
                answer -> answer.commandId().equals(commandId), Duration.ofSeconds(1));
    }

    private static Response command(String token, String chargePointId, String action, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/chargers/{cp}/commands/{action}", chargePointId, action);
    }

    private URI gateway() {
        return GatewayFixtures.websocket(http);
    }
}
