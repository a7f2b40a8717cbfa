package org.evsettle.apigateway.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.evsettle.apigateway.config.GatewaySettings;
import org.evsettle.apigateway.routing.ApiProxy;
import org.evsettle.apigateway.routing.GatewayProblems;
import org.evsettle.kit.api.ProblemType;

/**
 * A driver's own data in one download (GDPR art. 15 and 20): {@code GET /api/me/export} gathers the
 * profile, cards, sessions and invoices from the services with the driver's own token, page by page
 * through their {@code /api/me/...} lists, and streams them as one ZIP: a JSON file per part and each
 * issued document's PDF. The services decide what the driver may see, as for every other request; the
 * gateway keeps nothing. A part that fails once the ZIP has begun cuts the download off, so that an
 * incomplete export never looks complete.
 */
@ApplicationScoped
public class DriverExport {

    /** Before the routing of /api/{service}, which would take "me" for a service. */
    static final int ROUTE_ORDER = ApiProxy.ROUTE_ORDER - 10;
    static final String PATH = "/api/me/export";
    private static final int PAGE_SIZE = 500;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final GatewaySettings settings;
    private final HttpClient client;

    DriverExport(GatewaySettings settings) {
        this.settings = settings;
        // HTTP/1.1 as the services speak it (no h2c upgrade: see ApiDocuments)
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.proxy().connectTimeout()).build();
    }

    void register(@Observes Router router) {
        router.get(PATH).order(ROUTE_ORDER).handler(this::export);
    }

    void export(RoutingContext context) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous() || !identity.hasRole("driver")) {
            GatewayProblems.answer(context, 403, ProblemType.HTTP, "Only a driver exports their own data");
            return;
        }
        String token = ApiProxy.accessToken(context).orElse(null);
        context.vertx().executeBlocking(() -> {
            write(context, token);
            return null;
        }, false).onFailure(failure -> {
            Log.warnf("A driver's export broke off: %s", failure.toString());
            GatewayProblems.answer(context, 502, ProblemType.SERVICE_UNREACHABLE,
                    "The export could not gather every part of your data; try again later");
        });
    }

    private void write(RoutingContext context, String token) throws IOException {
        // the profile first: a token that stands for no driver is answered as the service answers it
        Fetched profile = get(token, "users", "/api/me");
        if (profile.status() != 200) {
            context.vertx().runOnContext(ignored -> context.response().setStatusCode(profile.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, profile.contentType())
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(Buffer.buffer(profile.body())));
            return;
        }
        HttpServerResponse response = context.response();
        response.setStatusCode(200).setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/zip")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Content-Disposition", "attachment; filename=\"evsettle-my-data-"
                        + LocalDate.now(ZoneOffset.UTC) + ".zip\"");
        // not closed on a failure: a ZIP without its directory at the end is one no one takes for complete
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(new ResponseStream(response), 65_536));
        entry(zip, "profile.json", JSON.writeValueAsBytes(JSON.readTree(profile.body())));
        entry(zip, "cards.json", JSON.writeValueAsBytes(all(token, "users", "/api/me/cards")));
        entry(zip, "sessions.json", JSON.writeValueAsBytes(all(token, "sessions", "/api/me/sessions")));
        ArrayNode invoices = all(token, "invoices", "/api/me/invoices");
        entry(zip, "invoices.json", JSON.writeValueAsBytes(invoices));
        for (JsonNode invoice : invoices) {
            String number = invoice.path("number").asText(null);
            if (number != null && !number.isBlank()) {
                Fetched pdf = require(get(token, "invoices", "/api/invoices/" + invoice.path("id").asText() + "/pdf"));
                entry(zip, "invoices/" + number.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf", pdf.body());
            }
        }
        zip.close();
        response.end();
    }

    /** Every item of a paged list ({@code {items, next}}), read page by page to its end. */
    private ArrayNode all(String token, String service, String path) throws IOException {
        ArrayNode items = JSON.createArrayNode();
        String cursor = null;
        do {
            String query = "?limit=" + PAGE_SIZE + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = JSON.readTree(require(get(token, service, path + query)).body());
            page.path("items").forEach(items::add);
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return items;
    }

    private record Fetched(int status, String contentType, byte[] body) {
    }

    private Fetched get(String token, String service, String path) throws IOException {
        URI base = settings.service(service)
                .orElseThrow(() -> new IOException("No service " + service + " is routed"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(settings.proxy().responseTimeout())
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Fetched(answer.statusCode(), answer.headers().firstValue("Content-Type")
                    .orElse("application/json"), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading " + service + path, e);
        }
    }

    private static Fetched require(Fetched fetched) throws IOException {
        if (fetched.status() != 200) {
            throw new IOException("A service answered " + fetched.status());
        }
        return fetched;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Writes to the HTTP response from a worker thread, one chunk at a time, waiting while the client reads. */
    private static final class ResponseStream extends OutputStream {
        private static final Duration PATIENCE = Duration.ofMinutes(2);
        private final HttpServerResponse response;

        ResponseStream(HttpServerResponse response) {
            this.response = response;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                response.write(Buffer.buffer().appendBytes(bytes, offset, length)).toCompletionStage()
                        .toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while writing the export", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("The client stopped reading the export", e);
            }
        }
    }
}
