package org.evsettle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.evsettle.users.RegistryFixtures.anEmail;
import static org.evsettle.users.RegistryFixtures.createDriver;
import static org.evsettle.users.RegistryFixtures.createOperator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * An operator's drivers searched by a text in their name or e-mail, in any case, paged in the list's own
 * order; a text of one character (once trimmed) answers 400 naming q.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class DriverSearchTest {

    private static List<String> names(String admin, UUID operatorId, String q) {
        return given().auth().oauth2(admin).queryParam("q", q).get("/api/operators/{o}/drivers", operatorId)
                .then().statusCode(200).extract().jsonPath().getList("items.name", String.class);
    }

    @Test
    void findsTheDriversWhoseNameOrEmailContainsTheTextInAnyCase() {
        UUID operatorId = createOperator();
        createDriver(operatorId, anEmail("anna"), d -> d.put("name", "Anna de Vries"));
        createDriver(operatorId, anEmail("bram"), d -> d.put("name", "Bram Jansen"));
        createDriver(operatorId, anEmail("cas"), d -> {
            d.put("name", "Cas Jansen-Bos");
            d.put("userType", "GUEST");
        });
        createDriver(operatorId, anEmail("d.jansen"), d -> d.put("name", "Daan Visser"));
        createDriver(operatorId, anEmail("elodie"), d -> d.put("name", "Élodie Dubois"));
        String admin = TestTokens.operatorAdmin(operatorId);

        assertThat(names(admin, operatorId, "JANSEN")).containsExactly("Bram Jansen", "Cas Jansen-Bos", "Daan Visser");
        assertThat(names(admin, operatorId, "  de vr ")).containsExactly("Anna de Vries");
        assertThat(names(admin, operatorId, "élodie")).containsExactly("Élodie Dubois");
        assertThat(names(admin, operatorId, "visser")).containsExactly("Daan Visser");
        assertThat(names(admin, operatorId, "nobody")).isEmpty();
        given().auth().oauth2(admin).queryParam("q", "jansen").queryParam("userType", "guest")
                .get("/api/operators/{o}/drivers", operatorId).then().statusCode(200)
                .body("items.name", contains("Cas Jansen-Bos"));
    }

    @Test
    void pagesTheDriversFoundInTheListsOrderUntilAPageHasNoNext() {
        UUID operatorId = createOperator();
        for (String name : List.of("Eva Bakker", "Bram Bakker", "Daan Bakker", "Anna Bakker", "Cas Bakker")) {
            createDriver(operatorId, anEmail(name.substring(0, name.indexOf(' ')).toLowerCase()),
                    d -> d.put("name", name));
        }
        createDriver(operatorId, anEmail("fleur"), d -> d.put("name", "Fleur Smit"));
        String admin = TestTokens.operatorAdmin(operatorId);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(admin).queryParam("q", "bakker").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/operators/{o}/drivers", operatorId).then().statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("items.name", String.class));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly("Anna Bakker", "Bram Bakker", "Cas Bakker", "Daan Bakker", "Eva Bakker");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void matchesPercentAndUnderscoreAsPlainCharacters() {
        UUID operatorId = createOperator();
        createDriver(operatorId, anEmail("jan_peeters"), d -> d.put("name", "Jan Peeters"));
        createDriver(operatorId, anEmail("janxpeeters"), d -> d.put("name", "Jan Xpeeters"));
        createDriver(operatorId, anEmail("korting"), d -> d.put("name", "Korting 100% Groen"));
        createDriver(operatorId, anEmail("honderd"), d -> d.put("name", "Honderd 1000 Groen"));
        String admin = TestTokens.operatorAdmin(operatorId);

        assertThat(names(admin, operatorId, "n_p")).containsExactly("Jan Peeters");
        assertThat(names(admin, operatorId, "0% g")).containsExactly("Korting 100% Groen");
        assertThat(names(admin, operatorId, "%%")).isEmpty();
    }

    @Test
    void refusesATextOfOneCharacterOrOverAHundredNamingQ() {
        UUID operatorId = createOperator();
        createDriver(operatorId, anEmail("anna"), d -> d.put("name", "Anna de Vries"));
        String admin = TestTokens.operatorAdmin(operatorId);

        for (String q : List.of("a", "  a  ", "x".repeat(DriverSearch.LONGEST + 1))) {
            given().auth().oauth2(admin).queryParam("q", q).get("/api/operators/{o}/drivers", operatorId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("q"));
        }
        assertThat(names(admin, operatorId, "an")).containsExactly("Anna de Vries");
        // blank is no search, as for every filter
        assertThat(names(admin, operatorId, " ")).containsExactly("Anna de Vries");
    }

    @Test
    void neverFindsAnotherOperatorsDrivers() {
        UUID mine = createOperator();
        UUID theirs = createOperator();
        createDriver(mine, anEmail("anna"), d -> d.put("name", "Anna Mulder"));
        createDriver(theirs, anEmail("bram"), d -> d.put("name", "Bram Mulder"));

        assertThat(names(TestTokens.operatorAdmin(mine), mine, "mulder")).containsExactly("Anna Mulder");
        given().auth().oauth2(TestTokens.operatorAdmin(mine)).queryParam("q", "mulder")
                .get("/api/operators/{o}/drivers", theirs).then().statusCode(404);
        given().auth().oauth2(TestTokens.platformAdmin()).queryParam("q", "mulder")
                .get("/api/operators/{o}/drivers", theirs).then().statusCode(200)
                .body("items.name", contains("Bram Mulder"));
        given().auth().oauth2(TestTokens.operatorAdmin(mine)).queryParam("q", "bram")
                .get("/api/operators/{o}/drivers", mine).then().statusCode(200).body("items", empty());
    }
}
