package org.evsettle.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where errors become problem+json (RFC 9457) answers, in every service. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return answer(new Problem(e.type().uri(), e.type().title(), e.status(), e.getMessage(), path(uri),
                e.violations()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return answer(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, detail,
                path(uri), violations));
    }

    /** Quarkus maps this one exception itself (without problem+json); this mapper takes it back. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String detail;
        if (e instanceof InvalidFormatException format) {
            detail = "value " + format.getValue() + " is not a valid " + format.getTargetType().getSimpleName();
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            detail = "expected " + mismatch.getTargetType().getSimpleName();
        } else {
            detail = "the body is not valid JSON: " + e.getOriginalMessage();
        }
        List<Problem.Violation> violations = field.isEmpty() ? List.of() : List.of(new Problem.Violation(field, detail));
        return answer(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                field.isEmpty() ? detail : field + ": " + detail, path(uri), violations));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof DomainException domain) {
            return domain(domain, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = status == 404 ? ProblemType.NOT_FOUND : ProblemType.HTTP;
        String title = status == 404 ? type.title() : e.getResponse().getStatusInfo().getReasonPhrase();
        return answer(new Problem(type.uri(), title, status, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "Unexpected error on %s", path(uri));
        return answer(new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                "The request could not be completed; it has been logged", path(uri), List.of()));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /**
     * The property path as a client wrote it, without the method and parameter names:
     * {@code create.form.components[0].unitPrice} -> {@code components[0].unitPrice}. The validator
     * puts a list index on the node after the list; it belongs to the list.
     */
    static String field(ConstraintViolation<?> violation) {
        List<StringBuilder> nodes = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null && !nodes.isEmpty()) {
                nodes.get(nodes.size() - 1).append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) { // not <list element>
                nodes.add(new StringBuilder(node.getName()));
            }
        }
        int skip = nodes.size() > 2 ? 2 : nodes.size() - 1;
        return nodes.subList(Math.max(skip, 0), nodes.size()).stream().map(StringBuilder::toString)
                .collect(Collectors.joining("."));
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
