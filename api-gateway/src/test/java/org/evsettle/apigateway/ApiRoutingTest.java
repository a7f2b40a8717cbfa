package org.evsettle.apigateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An API client with a bearer token reaches every service under /api/<service>/, streamed both ways. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ApiRoutingTest {

    private static String token;

    @BeforeAll
    static void signIn() {
        token = GatewayTestResource.bearer(GatewayTestResource.OPERATOR_ADMIN);
    }

    @Test
    void forwardsToTheServicesOwnPathWithTheCallersToken() {
        given().auth().oauth2(token).cookie("q_session", "not-for-services").queryParam("status", "OPEN")
                .when().get("/api/users/echo/operators/42")
                .then().statusCode(200)
                .body("method", equalTo("GET"))
                .body("uri", equalTo("/api/echo/operators/42?status=OPEN"))
                .body("authorization", equalTo("Bearer " + token))
                .body("cookie", nullValue())
                .body("prefix", equalTo("/api/users"));
    }

    @Test
    void routesEachServiceByItsPrefix() {
        given().auth().oauth2(token).when().get("/api/sessions/echo/sessions")
                .then().statusCode(200).body("uri", equalTo("/api/echo/sessions")).body("prefix", equalTo("/api/sessions"));
    }

    @Test
    void letsABearerClientChangeDataWithoutACsrfToken() {
        given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"Site A\"}")
                .when().post("/api/users/echo/sites")
                .then().statusCode(200).body("method", equalTo("POST")).body("bodyLength", equalTo(17));
    }

    @Test
    void forwardsTheServicesProblemUnchanged() {
        given().auth().oauth2(token).when().get("/api/users/problem")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Card 04A2 is already registered"));
    }

    @Test
    void answers502AsAProblemWhenTheServiceIsDown() {
        given().auth().oauth2(token).when().get("/api/tariffs/tariffs")
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:evsettle:problem:service-unreachable"))
                .body("detail", containsString("tariffs service is not reachable"));
    }

    @Test
    void answers504AsAProblemWhenTheServiceIsTooSlow() {
        given().auth().oauth2(token).when().get("/api/users/slow")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("urn:evsettle:problem:service-timeout"));
    }

    @Test
    void answers404ForAnUnknownService() {
        given().auth().oauth2(token).when().get("/api/nothing/here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("/api/users/"));
    }

    @Test
    void refusesAnInvalidTokenAndAScriptWithoutSession() {
        given().auth().oauth2(token.substring(0, token.length() - 4) + "AAAA").when().get("/api/users/echo")
                .then().statusCode(401);
        given().header("X-Requested-With", "JavaScript").redirects().follow(false).when().get("/api/users/echo")
                .then().statusCode(499);
        given().redirects().follow(false).when().get("/api/users/echo")
                .then().statusCode(302).header("Location", containsString("/protocol/openid-connect/auth"));
    }

    @Test
    void streamsADownloadAsTheServiceWritesIt() throws Exception {
        StubService.downloadMayFinish = new CountDownLatch(1);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        URI.create(GatewayTestResource.gatewayUrl() + "/api/users/download/report.csv"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // the service has not finished: the first line arrives only if the gateway does not buffer
            assertThat(body.readLine()).isEqualTo("first line");
            StubService.downloadMayFinish.countDown();
            assertThat(body.readLine()).isEqualTo("last line");
            assertThat(body.readLine()).isNull();
        }
    }

    @Test
    void streamsALargeUploadWhole() throws Exception {
        byte[] upload = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(upload);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(GatewayTestResource.gatewayUrl() + "/api/users/echo/bank-statements"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bodyLength\":" + upload.length)
                .contains(StubService.sha256(upload));
    }
}
