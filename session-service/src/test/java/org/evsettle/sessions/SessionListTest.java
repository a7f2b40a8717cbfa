package org.evsettle.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.sessions.ChargerReports.aTransaction;
import static org.evsettle.sessions.ChargerReports.accepted;
import static org.evsettle.sessions.SessionWaits.awaitStatus;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.ocpp.ChargeAuthorization;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Session lists page by keyset, newest first, and filter by dates in the operator's own time zone, and by
 * the site, card and user type of the session's snapshot.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SessionListTest {

    private final TopicProbe topics = new TopicProbe(InfrastructureResource.stack().kafka().bootstrapServers());

    @AfterEach
    void closeProbe() {
        topics.close();
    }

    private ChargerReports completed(UUID operatorId, UUID driverId, Instant start) {
        ChargerReports tx = aTransaction(accepted(operatorId, driverId));
        topics.publish(tx.started(500_000, start));
        topics.publish(tx.stopped(510_000, start.plus(Duration.ofMinutes(45))));
        awaitStatus(tx.sessionId(), SessionStatus.COMPLETED);
        return tx;
    }

    @Test
    void pagesAnOperatorsSessionsNewestFirstUntilAPageHasNoNext() {
        UUID operatorId = UUID.randomUUID();
        UUID driverId = UUID.randomUUID();
        new Registry(topics).driver(driverId, operatorId);
        Instant day = Instant.parse("2026-03-10T08:00:00Z");
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, completed(operatorId, driverId, day.plus(Duration.ofHours(i))).sessionId().toString());
        }
        String admin = TestTokens.operatorAdmin(operatorId);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(admin).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/sessions").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.sessionId"));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(pages).isEqualTo(3);
        given().auth().oauth2(TestTokens.driver(operatorId, driverId)).queryParam("limit", 4).get("/api/me/sessions")
                .then().statusCode(200).body("items.sessionId", contains(newestFirst.subList(0, 4).toArray()));
    }

    @Test
    void placesASessionWaitingForItsStartByItsStop() {
        UUID operatorId = UUID.randomUUID();
        ChargerReports early = completed(operatorId, UUID.randomUUID(), Instant.parse("2026-03-12T08:00:00Z"));
        ChargerReports late = completed(operatorId, UUID.randomUUID(), Instant.parse("2026-03-12T10:00:00Z"));
        ChargerReports stopOnly = aTransaction(accepted(operatorId, UUID.randomUUID()));
        topics.publish(stopOnly.stopped(700_000, Instant.parse("2026-03-12T09:00:00Z")));
        awaitStatus(stopOnly.sessionId(), SessionStatus.AWAITING_START);

        // it belongs to no operator until its start arrives: only a platform admin's list shows it, at its stop
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("from", "2026-03-12").queryParam("to", "2026-03-12")
                .get("/api/sessions").then().statusCode(200)
                .body("items.sessionId", contains(late.sessionId().toString(), stopOnly.sessionId().toString(),
                        early.sessionId().toString()))
                .body("items[1].startedAt", nullValue());
        given().auth().oauth2(TestTokens.operatorAdmin(operatorId)).get("/api/sessions").then().statusCode(200)
                .body("items.sessionId", contains(late.sessionId().toString(), early.sessionId().toString()));
    }

    @Test
    void filtersByCalendarDatesInTheOperatorsTimeZone() {
        UUID operatorId = UUID.randomUUID();
        new Registry(topics).operator(operatorId, "Brooklyn Chargers", "America/New_York");
        UUID driverId = UUID.randomUUID();
        new Registry(topics).driver(driverId, operatorId);
        // 02:30 UTC on 1 March is still 28 February in New York
        ChargerReports lateFebruary = completed(operatorId, driverId, Instant.parse("2026-03-01T02:30:00Z"));
        ChargerReports firstOfMarch = completed(operatorId, driverId, Instant.parse("2026-03-01T06:00:00Z"));
        String admin = TestTokens.operatorAdmin(operatorId);

        given().auth().oauth2(admin).queryParam("from", "2026-03-01").queryParam("to", "2026-03-01")
                .get("/api/sessions").then().statusCode(200)
                .body("items.sessionId", contains(firstOfMarch.sessionId().toString()));
        given().auth().oauth2(admin).queryParam("to", "2026-02-28").get("/api/sessions").then().statusCode(200)
                .body("items.sessionId", contains(lateFebruary.sessionId().toString()));
        given().auth().oauth2(TestTokens.driver(operatorId, driverId)).queryParam("from", "2026-02-28")
                .get("/api/me/sessions").then().statusCode(200).body("items.sessionId", contains(
                        firstOfMarch.sessionId().toString(), lateFebruary.sessionId().toString()));
    }

    private ChargerReports completedAt(UUID operatorId, UUID siteId, UUID cardId, UUID driverId, Instant start) {
        ChargerReports tx = aTransaction(new ChargeAuthorization("Accepted", operatorId, siteId, UUID.randomUUID(),
                cardId, driverId));
        topics.publish(tx.started(500_000, start));
        topics.publish(tx.stopped(510_000, start.plus(Duration.ofMinutes(45))));
        awaitStatus(tx.sessionId(), SessionStatus.COMPLETED);
        return tx;
    }

    @Test
    void filtersBySiteCardAndUserTypeOfTheSnapshot() {
        UUID operatorId = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        Registry registry = new Registry(topics);
        registry.driver(anna, operatorId, "Anna de Vries", "RESIDENT");
        registry.driver(bob, operatorId, "Bob Jansen", "Guest");
        UUID garage = UUID.randomUUID();
        UUID office = UUID.randomUUID();
        UUID annasCard = UUID.randomUUID();
        UUID bobsCard = UUID.randomUUID();
        Instant day = Instant.parse("2026-03-16T08:00:00Z");
        String first = completedAt(operatorId, garage, annasCard, anna, day).sessionId().toString();
        String second = completedAt(operatorId, office, annasCard, anna, day.plus(Duration.ofHours(1))).sessionId()
                .toString();
        String third = completedAt(operatorId, garage, bobsCard, bob, day.plus(Duration.ofHours(2))).sessionId()
                .toString();
        String admin = TestTokens.operatorAdmin(operatorId);

        given().auth().oauth2(admin).queryParam("siteId", garage).get("/api/sessions").then().statusCode(200)
                .body("items.sessionId", contains(third, first));
        given().auth().oauth2(admin).queryParam("cardId", annasCard).get("/api/sessions").then().statusCode(200)
                .body("items.sessionId", contains(second, first));
        // in any case, whichever case the operator named the type in
        given().auth().oauth2(admin).queryParam("userType", "resident").get("/api/sessions").then().statusCode(200)
                .body("items.sessionId", contains(second, first))
                .body("items.userType", contains("RESIDENT", "RESIDENT"));
        given().auth().oauth2(admin).queryParam("userType", " GUEST ").get("/api/sessions").then().statusCode(200)
                .body("items.sessionId", contains(third));
        given().auth().oauth2(admin).queryParam("userType", "EMPLOYEE").get("/api/sessions").then().statusCode(200)
                .body("items", empty());
        given().auth().oauth2(admin).queryParam("siteId", garage).queryParam("userType", "Resident")
                .get("/api/sessions").then().statusCode(200).body("items.sessionId", contains(first));

        // a filtered list pages by keyset like any other
        String next = given().auth().oauth2(admin).queryParam("siteId", garage).queryParam("limit", 1)
                .get("/api/sessions").then().statusCode(200).body("items.sessionId", contains(third))
                .extract().path("next");
        given().auth().oauth2(admin).queryParam("siteId", garage).queryParam("limit", 1).queryParam("cursor", next)
                .get("/api/sessions").then().statusCode(200).body("items.sessionId", contains(first))
                .body("next", nullValue());

        // a driver's own list narrows the same way; a site or card that is not theirs matches nothing
        String annasToken = TestTokens.driver(operatorId, anna);
        given().auth().oauth2(annasToken).queryParam("siteId", office).get("/api/me/sessions").then().statusCode(200)
                .body("items.sessionId", contains(second));
        given().auth().oauth2(annasToken).queryParam("cardId", bobsCard).get("/api/me/sessions").then().statusCode(200)
                .body("items", empty());
        given().auth().oauth2(annasToken).queryParam("userType", "resident").get("/api/me/sessions").then()
                .statusCode(200).body("items.sessionId", contains(second, first));
        given().auth().oauth2(TestTokens.operatorAdmin(UUID.randomUUID())).queryParam("siteId", garage)
                .get("/api/sessions").then().statusCode(200).body("items", empty());
    }

    @Test
    void refusesBadDatesLimitsAndCursorsNamingTheParameter() {
        String admin = TestTokens.operatorAdmin(UUID.randomUUID());

        given().auth().oauth2(admin).queryParam("from", "1 March").get("/api/sessions")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().auth().oauth2(admin).queryParam("from", "2026-03-02").queryParam("to", "2026-03-01")
                .get("/api/sessions").then().statusCode(400).body("violations[0].field", equalTo("to"));
        given().auth().oauth2(admin).queryParam("limit", 501).get("/api/sessions")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        given().auth().oauth2(admin).queryParam("cursor", "not-a-cursor").get("/api/sessions")
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
        given().auth().oauth2(TestTokens.driver(UUID.randomUUID(), UUID.randomUUID())).queryParam("status", "lost")
                .get("/api/me/sessions").then().statusCode(400).body("violations[0].field", equalTo("status"));
    }
}
