package org.evsettle.apigateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the gateway. The hop-by-hop ones (RFC 9110 section 7.6.1) never do; nor does the
 * browser's session cookie or CSRF token towards a service (it gets the access token instead), nor
 * a service's cookie towards the browser.
 */
final class ForwardedHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");
    private static final Set<String> NOT_TO_SERVICE = Set.of("cookie", "authorization", "x-xsrf-token",
            "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-prefix", "forwarded");
    private static final Set<String> NOT_TO_CALLER = Set.of("set-cookie");

    private ForwardedHeaders() {
    }

    /** The service's path for a public request URI: {@code /api/users/operators?x=1} → {@code /api/operators?x=1}. */
    static String servicePath(String uri, String service) {
        return "/api" + uri.substring(("/api/" + service).length());
    }

    static void toService(HttpServerRequest request, MultiMap target, String service) {
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !NOT_TO_SERVICE.contains(name)) {
                target.add(header.getKey(), header.getValue());
            }
        });
        if (request.remoteAddress() != null) {
            target.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        }
        target.set("X-Forwarded-Proto", request.scheme());
        if (request.authority() != null) {
            target.set("X-Forwarded-Host", request.authority().toString());
        }
        target.set("X-Forwarded-Prefix", "/api/" + service);
    }

    static void toCaller(MultiMap source, MultiMap target) {
        source.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !NOT_TO_CALLER.contains(name)) {
                target.add(header.getKey(), header.getValue());
            }
        });
    }
}
