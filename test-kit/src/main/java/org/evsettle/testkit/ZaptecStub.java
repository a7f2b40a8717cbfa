package org.evsettle.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Zaptec's API as a real HTTP server in the test JVM: the OAuth2 password grant at /oauth/token (tokens that
 * expire, or are revoked early, answering 401 after), and /api/chargehistory of the installations' sessions
 * between From and To, paged by PageIndex and PageSize in the documented shape {Pages, Data[]}. A queue of 429
 * answers (with or without Retry-After) stands in for the fair-use limit.
 */
public final class ZaptecStub implements AutoCloseable {

    private record Issued(String username, Instant expiresAt) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    /** Sessions by installation id, as Zaptec's JSON (field names as Zaptec writes them). */
    private final Map<String, List<Map<String, Object>>> history = new ConcurrentHashMap<>();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private final Queue<String> throttles = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> signInBodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger signIns = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private volatile Duration tokenLifetime = Duration.ofSeconds(3600);

    public ZaptecStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth/token", this::token);
        server.createContext("/api/chargehistory", this::chargeHistory);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void user(String username, String password) {
        passwords.put(username, password);
    }

    /** Replaces the installation's sessions (as Zaptec would answer them now). */
    public void sessions(String installationId, List<Map<String, Object>> sessions) {
        history.put(installationId, new CopyOnWriteArrayList<>(sessions));
    }

    /** Every token issued so far is revoked: the next call with one answers 401. */
    public void expireTokens() {
        tokens.replaceAll((token, issued) -> new Issued(issued.username(), Instant.EPOCH));
    }

    /** The next calls answer 429, each with this Retry-After (null: without the header). */
    public void throttleNext(String... retryAfter) {
        for (String value : retryAfter) {
            throttles.add(value == null ? "" : value);
        }
    }

    public int signIns() {
        return signIns.get();
    }

    public int unauthorized() {
        return unauthorized.get();
    }

    public int throttled() {
        return throttled.get();
    }

    /** The charge history calls so far, as their query strings. */
    public List<String> historyRequests() {
        return requests.stream().toList();
    }

    /** The sign-in forms received (to check what was sent, never to log it). */
    public List<String> signInBodies() {
        return signInBodies.stream().toList();
    }

    public void reset() {
        requests.clear();
        signInBodies.clear();
        signIns.set(0);
        unauthorized.set(0);
        throttled.set(0);
        throttles.clear();
        tokens.clear();
    }

    /** A session in Zaptec's JSON shape, energy details one per hour from the start's hour. */
    public static Map<String, Object> session(String id, String deviceId, Instant start, Instant end, String energyKwh,
                                              String userId, String userEmail, String tokenName, String... details) {
        Map<String, Object> session = new HashMap<>();
        session.put("Id", id);
        session.put("DeviceId", deviceId);
        session.put("DeviceName", "Carport " + deviceId);
        session.put("ChargerId", UUID.nameUUIDFromBytes(deviceId.getBytes(StandardCharsets.UTF_8)).toString());
        session.put("StartDateTime", start.toString().replace("Z", ""));
        session.put("EndDateTime", end.toString().replace("Z", ""));
        session.put("Energy", new java.math.BigDecimal(energyKwh));
        session.put("UserId", userId);
        session.put("UserEmail", userEmail);
        session.put("UserFullName", userEmail == null ? null : "User " + userEmail);
        session.put("UserUserName", userEmail);
        session.put("TokenName", tokenName);
        session.put("ExternallyEnded", false);
        session.put("CommitMetadata", 5);
        session.put("CommitEndDateTime", end.toString());
        session.put("SignedSession", "OCMF|{}");
        List<Map<String, Object>> energyDetails = new ArrayList<>();
        Instant hour = start.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (String detail : details) {
            energyDetails.add(Map.of("Timestamp", hour.toString(), "Energy", new java.math.BigDecimal(detail)));
            hour = hour.plus(Duration.ofHours(1));
        }
        session.put("EnergyDetails", energyDetails);
        return session;
    }

    private boolean throttle(HttpExchange exchange) throws IOException {
        String retryAfter = throttles.poll();
        if (retryAfter == null) {
            return false;
        }
        throttled.incrementAndGet();
        if (!retryAfter.isEmpty()) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        answer(exchange, 429, Map.of("Message", "Too many requests"));
        return true;
    }

    private void token(HttpExchange exchange) throws IOException {
        if (throttle(exchange)) {
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        signInBodies.add(body);
        Map<String, String> form = form(body);
        String username = form.get("username");
        if (!"password".equals(form.get("grant_type")) || username == null
                || !form.getOrDefault("password", "").equals(passwords.get(username))) {
            answer(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        signIns.incrementAndGet();
        String token = UUID.randomUUID().toString();
        tokens.put(token, new Issued(username, Instant.now().plus(tokenLifetime)));
        answer(exchange, 200, Map.of("access_token", token, "token_type", "Bearer",
                "expires_in", tokenLifetime.toSeconds()));
    }

    private void chargeHistory(HttpExchange exchange) throws IOException {
        if (throttle(exchange)) {
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Issued issued = authorization == null ? null : tokens.get(authorization.replace("Bearer ", ""));
        if (issued == null || !Instant.now().isBefore(issued.expiresAt())) {
            unauthorized.incrementAndGet();
            answer(exchange, 401, Map.of("Message", "Authorization has been denied for this request."));
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(query);
        Map<String, String> parameters = form(query);
        Instant from = Instant.parse(parameters.get("From"));
        Instant to = Instant.parse(parameters.get("To"));
        int pageIndex = Integer.parseInt(parameters.get("PageIndex"));
        int pageSize = Integer.parseInt(parameters.get("PageSize"));
        List<Map<String, Object>> matching = history.getOrDefault(parameters.get("InstallationId"), List.of()).stream()
                .filter(session -> {
                    Instant end = Instant.parse(session.get("EndDateTime") + "Z");
                    return !end.isBefore(from) && end.isBefore(to);
                })
                .sorted((a, b) -> String.valueOf(a.get("StartDateTime")).compareTo(String.valueOf(b.get("StartDateTime"))))
                .toList();
        int pages = (matching.size() + pageSize - 1) / pageSize;
        List<Map<String, Object>> page = matching.subList(Math.min(pageIndex * pageSize, matching.size()),
                Math.min((pageIndex + 1) * pageSize, matching.size()));
        answer(exchange, 200, Map.of("Pages", pages, "Data", page));
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
