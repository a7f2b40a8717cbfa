package org.evsettle.kit.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Describes the platform's errors once for every operation of every service's OpenAPI document: each
 * 4xx and 5xx response an operation declares answers {@code application/problem+json} with the
 * {@code Problem} schema, and every operation also lists the answers any request may get (400 for a
 * request that is not valid, 401 without a valid token, 403 for a role that may not call it, 500).
 * Operations declare only their own errors (404, 409, 422) with a description.
 */
public class ProblemResponses implements OASFilter {

    private static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;
    private static final Map<String, String> COMMON = Map.of(
            "400", "The request is not valid: the problem names each field and the rule it breaks",
            "401", "No valid token",
            "403", "The caller's role may not do this",
            "500", "An unexpected error; it has been logged");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach(ProblemResponses::describeErrors);
        }
    }

    private static void describeErrors(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> common : COMMON.entrySet()) {
            if (!responses.hasAPIResponse(common.getKey())) {
                responses.addAPIResponse(common.getKey(), OASFactory.createAPIResponse().description(common.getValue()));
            }
        }
        if (responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code)) {
                answerProblem(code, response);
            }
        });
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static void answerProblem(String code, APIResponse response) {
        if (response.getContent() != null && response.getContent().hasMediaType(Problem.MEDIA_TYPE)) {
            return;
        }
        Example example = OASFactory.createExample().value(Map.of(
                "type", "urn:evsettle:problem:" + slug(code),
                "title", response.getDescription() == null ? "Request failed" : response.getDescription(),
                "status", Integer.parseInt(code),
                "detail", response.getDescription() == null ? "" : response.getDescription()));
        Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
        content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(REF))
                .addExample("problem", example));
        response.setContent(content);
    }

    private static String slug(String code) {
        return switch (code) {
            case "400" -> "validation";
            case "404" -> "not-found";
            case "409" -> "conflict";
            case "422" -> "unprocessable";
            case "500" -> "internal";
            default -> "http";
        };
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One broken rule")
                .addProperty("field", text("The field, as a JSON path", "address.postalCode"))
                .addProperty("message", text("The rule it breaks", "must not be blank"));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem detail, the body of every error the platform answers")
                .addProperty("type", text("A stable URI a program can switch on", "urn:evsettle:problem:validation"))
                .addProperty("title", text("What kind of problem, for people", "The request is not valid"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("The HTTP status").example(400))
                .addProperty("detail", text("What went wrong with this request", "address.postalCode must not be blank"))
                .addProperty("instance", text("The path of the request", "/api/operators"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("For a request that is not valid: each field and the rule it breaks")
                        .items(violation));
    }

    private static Schema text(String description, String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description).example(example);
    }
}
