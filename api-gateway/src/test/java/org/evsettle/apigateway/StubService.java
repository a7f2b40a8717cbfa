package org.evsettle.apigateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service behind the gateway, as small as the routing tests need: it echoes what reached it, answers a
 * problem, answers too late, and streams a download that finishes only when the test says so.
 */
final class StubService implements AutoCloseable {

    static volatile CountDownLatch downloadMayFinish = new CountDownLatch(1);

    private final HttpServer server;

    private StubService(HttpServer server) {
        this.server = server;
    }

    static StubService start(String openApiDocument) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/echo", StubService::echo);
            server.createContext("/api/problem", exchange -> answer(exchange, 409, "application/problem+json",
                    "{\"type\":\"urn:evsettle:problem:conflict\",\"title\":\"Conflicts with the current state\","
                            + "\"status\":409,\"detail\":\"Card 04A2 is already registered\"}"));
            server.createContext("/api/slow", exchange -> {
                sleep(5_000);
                answer(exchange, 200, "application/json", "{}");
            });
            server.createContext("/api/download", StubService::download);
            server.createContext("/api/me", StubService::driversOwn);
            server.createContext("/api/invoices/", exchange -> answer(exchange, 200, "application/pdf", PDF));
            server.createContext("/q/openapi", exchange -> {
                if (openApiDocument == null) {
                    answer(exchange, 503, "text/plain", "no description");
                } else {
                    answer(exchange, 200, "application/json", openApiDocument);
                }
            });
            server.start();
            return new StubService(server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void echo(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String json = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"uri\":\"" + exchange.getRequestURI()
                + "\",\"authorization\":" + quoted(exchange.getRequestHeaders().getFirst("Authorization"))
                + ",\"cookie\":" + quoted(exchange.getRequestHeaders().getFirst("Cookie"))
                + ",\"csrf\":" + quoted(exchange.getRequestHeaders().getFirst("X-XSRF-TOKEN"))
                + ",\"prefix\":" + quoted(exchange.getRequestHeaders().getFirst("X-Forwarded-Prefix"))
                + ",\"bodyLength\":" + body.length + ",\"bodySha256\":\"" + sha256(body) + "\"}";
        answer(exchange, 200, "application/json", json);
    }

    /** A document's PDF as the invoices stub answers it. */
    static final String PDF = "%PDF-1.7 stub";

    /**
     * The calling driver's own data, as the services answer it under /api/me: a profile, two pages of
     * cards, a session and an issued invoice; only for the driver's bearer token.
     */
    private static void driversOwn(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            answer(exchange, 401, "application/json", "{}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        switch (path) {
            case "/api/me" -> answer(exchange, 200, "application/json",
                    "{\"id\":\"" + GatewayTestResource.DRIVER_ID + "\",\"name\":\"Dirk Driver\"}");
            case "/api/me/cards" -> answer(exchange, 200, "application/json", query.contains("cursor=page+2")
                    || query.contains("cursor=page%202")
                    ? "{\"items\":[{\"idTag\":\"04A2B3C5\"}],\"next\":null}"
                    : "{\"items\":[{\"idTag\":\"04A2B3C4\"}],\"next\":\"page 2\"}");
            case "/api/me/sessions" -> answer(exchange, 200, "application/json",
                    "{\"items\":[{\"sessionId\":\"s-1\",\"energyWh\":12340}],\"next\":null}");
            case "/api/me/invoices" -> answer(exchange, 200, "application/json",
                    "{\"items\":[{\"id\":\"i-1\",\"number\":\"LINDE-2026-000001\"},{\"id\":\"i-2\",\"number\":null}],"
                            + "\"next\":null}");
            default -> answer(exchange, 404, "application/json", "{}");
        }
    }

    private static void download(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/csv");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("first line\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                downloadMayFinish.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("last line\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
