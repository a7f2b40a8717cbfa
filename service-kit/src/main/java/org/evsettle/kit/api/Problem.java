package org.evsettle.kit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail: what went wrong, for people (title, detail) and for programs (type,
 * status, and for invalid requests the violated field rules).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One broken rule: the field (a JSON path such as {@code address.postalCode}) and the rule. */
    public record Violation(String field, String message) {
    }
}
