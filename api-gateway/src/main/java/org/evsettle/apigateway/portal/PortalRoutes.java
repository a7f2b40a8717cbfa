package org.evsettle.apigateway.portal;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.evsettle.apigateway.routing.ApiProxy;

/**
 * The portal is a single-page application: a page's address ({@code /sessions/42}, bookmarked or
 * reloaded) is answered with the application's {@code index.html}, which shows that page. Files
 * (a name with an extension) and the gateway's own paths are not.
 */
@ApplicationScoped
public class PortalRoutes {

    private static final Pattern PAGE = Pattern.compile("^/(?!api(/|$)|auth(/|$)|q(/|$)|assets/)[^.]+$");

    void register(@Observes Router router) {
        router.getWithRegex(PAGE.pattern()).order(ApiProxy.ROUTE_ORDER + 1_000).handler(this::page);
    }

    void page(RoutingContext context) {
        context.reroute("/");
    }
}
