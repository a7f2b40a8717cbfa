package org.evsettle.sessions.zaptec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.ProblemType;
import org.evsettle.sessions.config.ZaptecSettings;

/**
 * Zaptec's API, as the import uses it: the OAuth2 password grant at {@code /oauth/token} (a token is reused
 * until shortly before it expires; a 401 signs in once more) and the paged {@code /api/chargehistory} of an
 * installation. A 429 is waited out (Retry-After, else a doubling backoff with jitter, both bounded) and the
 * same call tried again, a bounded number of times. Credentials never reach a log or an error message.
 */
@ApplicationScoped
public class ZaptecClient {

    /** An installation's sign-in; toString shows no password. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + ZaptecInstallation.mask(username) + "]";
        }
    }

    private record Token(String accessToken, Instant expiresAt) {
    }

    private final ZaptecSettings settings;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http;
    /** Tokens by the credentials they were issued for ({@link #tokenKey}). */
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public ZaptecClient(ZaptecSettings settings, Clock clock, ObjectMapper json) {
        this.settings = settings;
        this.clock = clock;
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** Every completed session of the installation between from and to, page after page. */
    public List<ZaptecSessionReader.Raw> chargeHistory(Credentials credentials, String installationId, Instant from,
                                                       Instant to) {
        List<ZaptecSessionReader.Raw> sessions = new ArrayList<>();
        int pageIndex = 0;
        int pages = 1;
        while (pageIndex < pages) {
            URI page = settings.baseUrl().resolve("/api/chargehistory?InstallationId=" + encode(installationId)
                    + "&From=" + encode(utc(from)) + "&To=" + encode(utc(to)) + "&PageIndex=" + pageIndex
                    + "&PageSize=" + settings.pageSize() + "&DetailLevel=1");
            JsonNode document = read(authorized(credentials, page));
            JsonNode data = ZaptecJson.sessions(document);
            if (data == null) {
                throw unavailable("Zaptec answered page " + pageIndex + " of the charge history without Data");
            }
            sessions.addAll(ZaptecJson.raw(data, sessions.size() + 1));
            pages = ZaptecJson.pages(document);
            if (data.isEmpty()) {
                break;
            }
            pageIndex++;
        }
        Log.infof("Read %d sessions of Zaptec installation %s in %d pages", sessions.size(), installationId,
                Math.max(pageIndex, 1));
        return sessions;
    }

    /** A GET with a token; a 401 (the token expired or was revoked early) signs in once more. */
    private HttpResponse<String> authorized(Credentials credentials, URI uri) {
        String key = tokenKey(credentials);
        for (int attempt = 0; ; attempt++) {
            Token token = tokens.get(key);
            if (token == null || !clock.instant().isBefore(token.expiresAt().minus(settings.tokenMargin()))) {
                token = signIn(credentials);
                tokens.put(key, token);
            }
            String bearer = token.accessToken();
            HttpResponse<String> response = send(() -> HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("Authorization", "Bearer " + bearer).header("Accept", "application/json").GET().build());
            if (response.statusCode() == 401 && attempt == 0) {
                tokens.remove(key);
                continue;
            }
            if (response.statusCode() == 401) {
                throw unavailable("Zaptec refused a fresh token for the charge history: check that the user may read"
                        + " the installation");
            }
            if (response.statusCode() != 200) {
                throw unavailable("Zaptec answered " + response.statusCode() + " to the charge history");
            }
            return response;
        }
    }

    private Token signIn(Credentials credentials) {
        String form = "grant_type=password&username=" + encode(credentials.username()) + "&password="
                + encode(credentials.password());
        HttpResponse<String> response = send(() -> HttpRequest.newBuilder(settings.baseUrl().resolve("/oauth/token"))
                .timeout(settings.timeout()).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new DomainException(ProblemType.UNPROCESSABLE, 422, "Zaptec refused the sign-in with the stored"
                    + " credentials (" + response.statusCode() + "): store the installation's username and password"
                    + " again");
        }
        if (response.statusCode() != 200) {
            throw unavailable("Zaptec answered " + response.statusCode() + " to the sign-in");
        }
        JsonNode answer = read(response);
        String accessToken = answer.path("access_token").asText(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw unavailable("Zaptec's sign-in answered no access_token");
        }
        long expiresIn = answer.path("expires_in").asLong(3600);
        Log.debugf("Signed in to Zaptec; the token lives %d s", expiresIn);
        return new Token(accessToken, clock.instant().plusSeconds(expiresIn));
    }

    /** Sends the request, waiting out a 429 and trying again up to the configured number of times. */
    private HttpResponse<String> send(java.util.function.Supplier<HttpRequest> request) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw unavailable("Zaptec's API cannot be reached: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("Interrupted while calling Zaptec's API");
            }
            if (response.statusCode() != 429) {
                return response;
            }
            if (attempt >= settings.retries()) {
                throw new DomainException(ProblemType.SERVICE_UNREACHABLE, 503, "Zaptec's API kept answering 429 (too"
                        + " many requests) after " + settings.retries() + " waits: try again later");
            }
            Duration wait = backoff(response, attempt);
            Log.infof("Zaptec's API answered 429: waiting %d ms before trying again", wait.toMillis());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("Interrupted while waiting out Zaptec's rate limit");
            }
        }
    }

    /** Retry-After (seconds or an HTTP date) if given, else the backoff doubled per attempt with up to 50% jitter. */
    Duration backoff(HttpResponse<?> response, int attempt) {
        Duration wait = response.headers().firstValue("Retry-After").map(this::retryAfter).orElseGet(() -> {
            long base = settings.backoff().toMillis() << Math.min(attempt, 20);
            return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
        });
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(clock.instant(), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException e) {
                return settings.backoff();
            }
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw unavailable("Zaptec answered something that is not JSON");
        }
    }

    private static DomainException unavailable(String detail) {
        return new DomainException(ProblemType.SERVICE_UNREACHABLE, 502, detail);
    }

    private static String utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Tokens are kept per credentials (new credentials sign in anew), by a digest rather than the password. */
    private String tokenKey(Credentials credentials) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest((settings.baseUrl() + "\n"
                    + credentials.username() + "\n" + credentials.password()).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
