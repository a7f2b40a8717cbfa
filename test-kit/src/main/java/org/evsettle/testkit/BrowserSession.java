package org.evsettle.testkit;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's view of the api-gateway without a browser: cookies kept, redirects followed one by one
 * (so each can be inspected), and a sign-in that fills in Keycloak's real login form. For tests of
 * the login flow, the session cookie and CSRF; the portal's pages are tested in a real browser.
 */
public final class BrowserSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final int MAX_REDIRECTS = 10;

    private final URI gateway;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final List<HttpResponse<String>> lastRedirects = new ArrayList<>();

    public BrowserSession(String gatewayUrl) {
        this.gateway = URI.create(gatewayUrl);
        this.http = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure(cookies)).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Opens the portal, signs in on Keycloak's login page and follows the way back; returns the final answer. */
    public HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> loginPage = follow(get("/"));
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("No Keycloak login form at the end of the redirects, but "
                    + loginPage.statusCode() + " from " + loginPage.uri());
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return follow(answer);
    }

    /** A GET of a path of the gateway, or of an absolute URL, without following redirects. */
    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET());
    }

    /** A request to the gateway as the portal's script sends it: JSON, the CSRF header where asked. */
    public HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("X-Requested-With", "JavaScript");
        headers.forEach(request::header);
        return send(request);
    }

    /** Follows redirects (across Keycloak and the gateway) until an answer that is not one. */
    public HttpResponse<String> follow(HttpResponse<String> answer) {
        lastRedirects.clear();
        HttpResponse<String> current = answer;
        for (int i = 0; i < MAX_REDIRECTS && isRedirect(current); i++) {
            lastRedirects.add(current);
            current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()).toString());
        }
        return current;
    }

    /** The redirects the last {@link #follow} went through, in order. */
    public List<HttpResponse<String>> redirects() {
        return List.copyOf(lastRedirects);
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(gateway).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /**
     * A browser treats http://localhost as a secure context and sends it Secure cookies (Keycloak sets
     * its login cookies so); java.net's cookie manager sends Secure cookies only over https.
     */
    private static final class LocalhostIsSecure extends CookieHandler {
        private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure(?=;|$)");
        private final CookieHandler cookies;

        LocalhostIsSecure(CookieHandler cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            if (!"localhost".equals(uri.getHost())) {
                cookies.put(uri, headers);
                return;
            }
            Map<String, List<String>> relaxed = new java.util.LinkedHashMap<>();
            headers.forEach((name, values) -> relaxed.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(value -> SECURE.matcher(value).replaceAll("")).toList() : values));
            cookies.put(uri, relaxed);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI resolve(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : gateway.resolve(pathOrUrl);
    }

    private static boolean isRedirect(HttpResponse<String> answer) {
        return answer.statusCode() >= 300 && answer.statusCode() < 400 && answer.headers().firstValue("Location").isPresent();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
