package org.evsettle.apigateway.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.evsettle.apigateway.routing.GatewayProblems;
import org.evsettle.apigateway.security.SignedIn;
import org.evsettle.kit.api.ProblemType;

/**
 * The portal's page ({@code index.html} as Vite built it), with the signed-in user written into it as
 * a JSON data block ({@value #DATA_ID}), so that the portal starts drawing its first page at once
 * instead of asking {@code /auth/me} first. A data block is never executed (the Content-Security-Policy
 * allows no inline script); its JSON escapes {@code <}, {@code >} and {@code &} so no value can end it.
 * The page holds personal data and is never stored by the browser or a proxy.
 */
@ApplicationScoped
public class PortalPage {

    static final String RESOURCE = "META-INF/portal/index.html";
    static final String DATA_ID = "evsettle-signed-in";
    private static final String MARK = "</head>";

    private final ObjectMapper json;
    private final Optional<String> template;

    PortalPage(ObjectMapper json) {
        this.json = json;
        this.template = read();
    }

    void answer(RoutingContext context) {
        if (template.isEmpty()) {
            GatewayProblems.answer(context, 404, ProblemType.NOT_FOUND,
                    "This gateway was built without the portal (-Dportal.skip)");
            return;
        }
        String page = context.user() instanceof QuarkusHttpUser user
                ? withData(template.get(), SignedIn.of(user.getSecurityIdentity()))
                : template.get();
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(page);
    }

    String withData(String html, SignedIn signedIn) {
        int head = html.indexOf(MARK);
        if (head < 0) {
            throw new IllegalStateException("The portal's page has no " + MARK);
        }
        return html.substring(0, head) + "<script type=\"application/json\" id=\"" + DATA_ID + "\">"
                + inert(signedIn) + "</script>" + html.substring(head);
    }

    private String inert(SignedIn signedIn) {
        try {
            return json.writeValueAsString(signedIn).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the signed-in user: " + e.getMessage(), e);
        }
    }

    private static Optional<String> read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
