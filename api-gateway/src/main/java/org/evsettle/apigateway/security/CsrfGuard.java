package org.evsettle.apigateway.security;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.evsettle.apigateway.config.GatewaySettings;
import org.evsettle.apigateway.routing.ApiProxy;
import org.evsettle.apigateway.routing.GatewayProblems;
import org.evsettle.kit.api.ProblemType;

/**
 * Cross-site request forgery cannot change data through a browser's session: every request that
 * may change something (anything but GET, HEAD and OPTIONS) authenticated by the session cookie must
 * repeat, in header {@value #HEADER}, the random token the gateway put in cookie {@value #COOKIE}.
 * Another site can make the browser send the cookie, but cannot read it to set the header (the
 * double-submit pattern, on top of the session cookie's SameSite=Lax). API clients with a bearer
 * token send no cookie and need no token.
 */
@ApplicationScoped
public class CsrfGuard {

    public static final String COOKIE = "XSRF-TOKEN";
    public static final String HEADER = "X-XSRF-TOKEN";
    private static final int ROUTE_ORDER = ApiProxy.ROUTE_ORDER - 1_000;
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean secureCookie;

    CsrfGuard(GatewaySettings settings) {
        this.secureCookie = settings.cookie().secure();
    }

    void register(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (bearer(request)) {
            context.next();
            return;
        }
        Cookie issued = request.getCookie(COOKIE);
        if (SAFE.contains(request.method())) {
            if (issued == null && context.user() instanceof QuarkusHttpUser) {
                context.response().addCookie(newToken());
            }
            context.next();
            return;
        }
        String repeated = request.getHeader(HEADER);
        if (issued == null || repeated == null || !MessageDigest.isEqual(
                issued.getValue().getBytes(StandardCharsets.UTF_8), repeated.getBytes(StandardCharsets.UTF_8))) {
            GatewayProblems.answer(context, 403, ProblemType.CSRF, "A request that changes data must carry header "
                    + HEADER + " with the value of cookie " + COOKIE + "; reload the page if this persists");
            return;
        }
        context.next();
    }

    private Cookie newToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Cookie.cookie(COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(token))
                .setPath("/")
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(secureCookie)
                // why: the portal's script reads it to repeat it in the header; it grants nothing by itself
                .setHttpOnly(false);
    }

    private static boolean bearer(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
