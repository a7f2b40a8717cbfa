package org.evsettle.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evsettle.testkit.BrowserSession;
import org.junit.jupiter.api.Test;

/** A person signs in through Keycloak's real login page; the session cookie carries them, CSRF-proof. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class BrowserLoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIGNED_IN = Pattern.compile(
            "<script type=\"application/json\" id=\"evsettle-signed-in\">(.*?)</script></head>");

    @Test
    void signsInWithTheCodeFlowAndPkceIntoAnHttpOnlySessionCookie() throws Exception {
        BrowserSession browser = new BrowserSession(GatewayTestResource.gatewayUrl());
        browser.signIn(GatewayTestResource.OPERATOR_ADMIN, GatewayTestResource.PASSWORD);

        HttpResponse<String> start = new BrowserSession(GatewayTestResource.gatewayUrl()).get("/");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).contains("/protocol/openid-connect/auth").contains("client_id=evsettle-portal")
                .contains("response_type=code").contains("code_challenge=").contains("code_challenge_method=S256");

        List<String> sessionCookies = browser.redirects().stream()
                .flatMap(answer -> answer.headers().allValues("Set-Cookie").stream())
                .filter(cookie -> cookie.startsWith("q_session")).toList();
        assertThat(sessionCookies).isNotEmpty().allSatisfy(cookie ->
                assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/"));

        HttpResponse<String> me = browser.get("/auth/me");
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode signedIn = JSON.readTree(me.body());
        assertThat(signedIn.path("username").asText()).isEqualTo(GatewayTestResource.OPERATOR_ADMIN);
        assertThat(signedIn.path("name").asText()).isEqualTo("Olga Operator");
        assertThat(signedIn.path("roles")).extracting(JsonNode::asText).containsExactly("operator-admin");
        assertThat(signedIn.path("operatorId").asText()).isEqualTo(GatewayTestResource.OPERATOR_ID.toString());
        assertThat(signedIn.path("driverId").isNull()).isTrue();
    }

    @Test
    void relaysTheSessionsAccessTokenButNeverTheCookie() throws Exception {
        BrowserSession browser = signedIn(GatewayTestResource.DRIVER);
        JsonNode echo = JSON.readTree(browser.get("/api/users/echo/me/cards").body());
        assertThat(echo.path("authorization").asText()).startsWith("Bearer ey");
        assertThat(echo.path("cookie").isNull()).isTrue();
    }

    @Test
    void refusesAChangeWithoutTheCsrfTokenAndAcceptsItWithIt() throws Exception {
        BrowserSession browser = signedIn(GatewayTestResource.OPERATOR_ADMIN);
        String token = browser.cookie("XSRF-TOKEN").orElseThrow();

        HttpResponse<String> forged = browser.send("POST", "/api/users/echo/drivers", "{}", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(forged.body()).path("type").asText()).isEqualTo("urn:evsettle:problem:csrf");

        HttpResponse<String> wrong = browser.send("DELETE", "/api/users/echo/cards/1", null,
                Map.of("X-XSRF-TOKEN", token + "x"));
        assertThat(wrong.statusCode()).isEqualTo(403);

        HttpResponse<String> genuine = browser.send("POST", "/api/users/echo/drivers", "{}",
                Map.of("X-XSRF-TOKEN", token));
        assertThat(genuine.statusCode()).isEqualTo(200);
        JsonNode echo = JSON.readTree(genuine.body());
        assertThat(echo.path("method").asText()).isEqualTo("POST");
        assertThat(echo.path("csrf").isNull()).isTrue();
    }

    @Test
    void servesThePortalsPageWithTheSignedInUserInItNeverToBeStored() throws Exception {
        BrowserSession browser = signedIn(GatewayTestResource.OPERATOR_ADMIN);
        JsonNode me = JSON.readTree(browser.get("/auth/me").body());

        for (String address : List.of("/", "/sessions/42", "/index.html")) {
            HttpResponse<String> page = browser.get(address);
            assertThat(page.statusCode()).as(address).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            Matcher data = SIGNED_IN.matcher(page.body());
            assertThat(data.find()).as("the signed-in user in " + page.body()).isTrue();
            assertThat(JSON.readTree(data.group(1))).isEqualTo(me);
        }
        assertThat(me.path("username").asText()).isEqualTo(GatewayTestResource.OPERATOR_ADMIN);
    }

    @Test
    void logoutEndsTheKeycloakSessionToo() {
        BrowserSession browser = signedIn(GatewayTestResource.OPERATOR_ADMIN);
        assertThat(browser.get("/auth/me").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.get("/auth/logout");
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow())
                .contains("/protocol/openid-connect/logout").contains("id_token_hint=");
        browser.follow(logout);

        // without Keycloak's session the portal cannot sign the browser in silently: the login form shows
        HttpResponse<String> again = browser.follow(browser.get("/"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("kc-form-login");
        assertThat(browser.get("/auth/me").statusCode()).isEqualTo(302);
    }

    @Test
    void refreshesTheAccessTokenBeforeItExpiresWhileTheUserWorks() throws Exception {
        // tokens of 70 s are within the gateway's 60 s refresh skew ten seconds after they are issued
        GatewayTestResource.accounts().setPortalTokenLifespan(Duration.ofSeconds(70));
        try {
            BrowserSession browser = signedIn(GatewayTestResource.DRIVER);
            String first = JSON.readTree(browser.get("/api/users/echo/me").body()).path("authorization").asText();
            String refreshed = await("a refreshed access token").atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> JSON.readTree(browser.get("/api/users/echo/me").body()).path("authorization").asText(),
                            token -> token.startsWith("Bearer ey") && !token.equals(first));
            assertThat(refreshed).isNotEqualTo(first);
            assertThat(browser.get("/auth/me").statusCode()).isEqualTo(200);
        } finally {
            GatewayTestResource.accounts().setPortalTokenLifespan(Duration.ofMinutes(15));
        }
    }

    private static BrowserSession signedIn(String username) {
        BrowserSession browser = new BrowserSession(GatewayTestResource.gatewayUrl());
        HttpResponse<String> landed = browser.signIn(username, GatewayTestResource.PASSWORD);
        assertThat(landed.statusCode()).as("the portal after the login via %s: %s",
                browser.redirects().stream().map(r -> r.statusCode() + " " + r.uri()).toList(), landed.body())
                .isLessThan(400);
        return browser;
    }
}
