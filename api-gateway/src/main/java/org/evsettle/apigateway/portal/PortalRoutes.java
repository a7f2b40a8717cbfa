package org.evsettle.apigateway.portal;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.evsettle.apigateway.routing.ApiProxy;

/**
 * The portal is a single-page application: its start ({@code /}) and every page's address
 * ({@code /sessions/42}, bookmarked or reloaded) are answered with its page, which shows that page.
 * Files (a name with an extension, served from {@code META-INF/resources}) and the gateway's own paths
 * are not.
 */
@ApplicationScoped
public class PortalRoutes {

    private static final Pattern PAGE = Pattern.compile("^/(?!api(/|$)|auth(/|$)|q(/|$)|assets/)[^.]*$");

    private final PortalPage page;

    PortalRoutes(PortalPage page) {
        this.page = page;
    }

    void register(@Observes Router router) {
        router.getWithRegex(PAGE.pattern()).order(ApiProxy.ROUTE_ORDER + 1_000).handler(page::answer);
        router.get("/index.html").order(ApiProxy.ROUTE_ORDER + 1_000).handler(page::answer);
    }
}
