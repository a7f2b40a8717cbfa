package org.evsettle.kit.api;

/** The problem types EV Settle answers with, as stable URIs clients can switch on. */
public enum ProblemType {
    VALIDATION("validation", "The request is not valid"),
    NOT_FOUND("not-found", "Not found"),
    CONFLICT("conflict", "Conflicts with the current state"),
    UNPROCESSABLE("unprocessable", "The request breaks a business rule"),
    HTTP("http", "Request failed"),
    CSRF("csrf", "The request does not carry the session's CSRF token"),
    SERVICE_UNREACHABLE("service-unreachable", "A service is not reachable"),
    SERVICE_TIMEOUT("service-timeout", "A service did not answer in time"),
    INTERNAL("internal", "Internal error");

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String uri() {
        return "urn:evsettle:problem:" + slug;
    }

    public String title() {
        return title;
    }
}
