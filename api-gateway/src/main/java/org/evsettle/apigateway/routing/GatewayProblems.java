package org.evsettle.apigateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.evsettle.kit.api.Problem;
import org.evsettle.kit.api.ProblemType;

/** The gateway's own answers when it cannot forward a request: problem+json, like every service's. */
public final class GatewayProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayProblems() {
    }

    public static void answer(RoutingContext context, int status, ProblemType type, String detail) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            // why: the service's answer had begun; cutting the connection is the only honest signal left
            response.reset();
            return;
        }
        Problem problem = new Problem(type.uri(), type.title(), status, detail, context.request().path(), null);
        try {
            response.setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(JSON.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
