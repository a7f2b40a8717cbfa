package org.evsettle.kit.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Which page of a list a request asks for, as every list takes it: {@code limit} items (1 to
 * {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent) after the position {@code cursor} names
 * (the {@code next} of the previous page; absent for the first page). Taken as a bean parameter.
 */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    @QueryParam("limit")
    @Parameter(description = "How many items the page holds at most (1 to 500, default 100)",
            schema = @Schema(minimum = "1", maximum = "500", defaultValue = "100"), example = "100")
    Integer limit;

    @QueryParam("cursor")
    @Parameter(description = "The next of the previous page; absent for the first page")
    String cursor;

    public PageRequest() {
    }

    public static PageRequest of(Integer limit, String cursor) {
        PageRequest request = new PageRequest();
        request.limit = limit;
        request.cursor = cursor;
        return request;
    }

    /** The page size asked for, or 400 naming limit when it is out of range. */
    public int limit() {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** The cursor as sent; null for the first page. */
    public String cursor() {
        return cursor == null || cursor.isBlank() ? null : cursor.trim();
    }
}
