package org.evsettle.apigateway.routing;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.evsettle.apigateway.config.GatewaySettings;
import org.evsettle.kit.api.ProblemType;

/**
 * Forwards {@code /api/<service>/<rest>} to the service (see {@link GatewaySettings}) with the caller's
 * access token, streaming both bodies: an upload or a report download passes through without being
 * held in memory, and the service's answer (problem+json errors included) reaches the caller
 * unchanged. Only when no answer comes does the gateway answer itself: 502 when the service cannot be
 * reached, 504 when it does not answer in time.
 */
@ApplicationScoped
public class ApiProxy {

    /** After the CSRF check ({@code CsrfGuard}), before the portal's files. */
    public static final int ROUTE_ORDER = 2_000;

    private final GatewaySettings routes;
    private final HttpClient client;

    ApiProxy(GatewaySettings routes, Vertx vertx) {
        this.routes = routes;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) routes.proxy().connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                // why: a compressed answer passes through compressed, as the service wrote it
                .setDecompressionSupported(false));
    }

    void register(@Observes Router router) {
        router.route("/api/:service").order(ROUTE_ORDER).handler(this::forward);
        router.route("/api/:service/*").order(ROUTE_ORDER).handler(this::forward);
    }

    void forward(RoutingContext context) {
        HttpServerRequest request = context.request();
        String name = context.pathParam("service");
        Optional<URI> service = routes.service(name);
        if (service.isEmpty()) {
            GatewayProblems.answer(context, 404, ProblemType.NOT_FOUND, "No API is routed at /api/" + name
                    + "; the APIs are /api/" + String.join("/, /api/", routes.services().keySet()) + "/");
            return;
        }
        // why: the body must wait until the service's request is open, or its first bytes would be lost
        request.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(service.get() + ForwardedHeaders.servicePath(request.uri(), name))
                .setIdleTimeout(routes.proxy().responseTimeout().toMillis());
        client.request(options)
                .compose(upstream -> send(context, upstream, name))
                .onSuccess(answer -> relay(context, answer, name))
                .onFailure(failure -> fail(context, failure, name));
    }

    private Future<HttpClientResponse> send(RoutingContext context, HttpClientRequest upstream, String name) {
        HttpServerRequest request = context.request();
        ForwardedHeaders.toService(request, upstream.headers(), name);
        accessToken(context).ifPresent(token -> upstream.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        return hasBody(request) ? upstream.send(request) : upstream.send();
    }

    private void relay(RoutingContext context, HttpClientResponse answer, String name) {
        HttpServerResponse response = context.response();
        response.setStatusCode(answer.statusCode());
        ForwardedHeaders.toCaller(answer.headers(), response.headers());
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(context, answer)) {
            response.setChunked(true);
        }
        answer.pipeTo(response).onFailure(failure -> {
            Log.warnf("The answer of %s to %s %s broke off: %s", name, context.request().method(),
                    context.request().path(), failure.toString());
            GatewayProblems.answer(context, 502, ProblemType.SERVICE_UNREACHABLE,
                    "The answer of " + name + " broke off");
        });
    }

    private void fail(RoutingContext context, Throwable failure, String name) {
        HttpServerRequest request = context.request();
        if (!request.isEnded()) {
            request.resume();
        }
        if (isTimeout(failure)) {
            Log.warnf("%s did not answer %s %s within %s", name, request.method(), request.path(),
                    routes.proxy().responseTimeout());
            GatewayProblems.answer(context, 504, ProblemType.SERVICE_TIMEOUT,
                    "The " + name + " service did not answer within " + routes.proxy().responseTimeout().toSeconds()
                            + " s; try again in a moment");
        } else {
            Log.warnf("%s is not reachable for %s %s: %s", name, request.method(), request.path(), failure.toString());
            GatewayProblems.answer(context, 502, ProblemType.SERVICE_UNREACHABLE,
                    "The " + name + " service is not reachable at the moment; try again in a moment");
        }
    }

    private static boolean isTimeout(Throwable failure) {
        // why: Vert.x reports an idle timeout as its own exception type, named and worded as a timeout;
        // a connect timeout is a failure to reach the service (502), not a slow answer
        return !(failure instanceof ConnectException)
                && !(failure instanceof io.netty.channel.ConnectTimeoutException)
                && (failure instanceof TimeoutException
                        || failure.getClass().getSimpleName().contains("Timeout")
                        || String.valueOf(failure.getMessage()).contains("timeout period"));
    }

    /** The access token of the signed-in caller (session or bearer), for a call to a service. */
    public static Optional<String> accessToken(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user)) {
            return Optional.empty();
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        return Optional.ofNullable(identity.getCredential(AccessTokenCredential.class))
                .map(AccessTokenCredential::getToken);
    }

    private static boolean hasBody(HttpServerRequest request) {
        MultiMap headers = request.headers();
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !"0".equals(length)) || headers.contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean mayHaveBody(RoutingContext context, HttpClientResponse answer) {
        int status = answer.statusCode();
        return context.request().method() != HttpMethod.HEAD
                && status != HttpResponseStatus.NO_CONTENT.code()
                && status != HttpResponseStatus.NOT_MODIFIED.code()
                && status >= 200;
    }
}
