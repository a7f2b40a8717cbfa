package org.evsettle.testkit;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management port of the service under test (health and metrics), as {@code @QuarkusTest} sets it:
 * tests that read readiness wait for it with a bound instead of asking once, so that they pass in any
 * order, also right after a test that took Kafka or the database away.
 */
public final class ManagementPort {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ManagementPort() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** Waits until {@code /q/health/ready} answers 200, at most the timeout; returns its body. */
    public static String awaitReady(Duration timeout) {
        String[] body = new String[1];
        await("readiness of the service under test").atMost(timeout).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    HttpResponse<String> response = get("/q/health/ready");
                    body[0] = response.body();
                    return response.statusCode() == 200;
                });
        return body[0];
    }

    /** A GET on the management port. */
    public static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The management port does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
