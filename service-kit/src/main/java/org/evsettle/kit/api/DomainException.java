package org.evsettle.kit.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that is well-formed but cannot be carried out: answered as problem+json with the
 * given status (404 for something the caller may not see, 409 for a conflict, 422 for a rule).
 */
public class DomainException extends RuntimeException {

    private final ProblemType type;
    private final int status;
    private final List<Problem.Violation> violations;

    public DomainException(ProblemType type, int status, String detail) {
        this(type, status, detail, List.of());
    }

    private DomainException(ProblemType type, int status, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.type = type;
        this.status = status;
        this.violations = violations;
    }

    /** A field breaks a rule that annotations cannot state (a known time zone, a site of this operator). */
    public static DomainException invalid(String field, String rule) {
        return new DomainException(ProblemType.VALIDATION, 400, field + " " + rule,
                List.of(new Problem.Violation(field, rule)));
    }

    /** Several fields break such rules (entries of a list): one violation each, answered 400 together. */
    public static DomainException invalid(List<Problem.Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return new DomainException(ProblemType.VALIDATION, 400, detail, List.copyOf(violations));
    }

    /** Not there, or not the caller's to see: the two answer alike, so that ids leak nothing. */
    public static DomainException notFound(String what, Object id) {
        return new DomainException(ProblemType.NOT_FOUND, 404, what + " " + id + " does not exist");
    }

    /**
     * A request whose content breaks several rules at once (rows of an import, entries of a list):
     * answered 422 with one violation per field, so the caller can fix everything in one go.
     */
    public static DomainException unprocessable(String detail, List<Problem.Violation> violations) {
        return new DomainException(ProblemType.UNPROCESSABLE, 422, detail, List.copyOf(violations));
    }

    public static DomainException conflict(String detail) {
        return new DomainException(ProblemType.CONFLICT, 409, detail);
    }

    public static DomainException unprocessable(String detail) {
        return new DomainException(ProblemType.UNPROCESSABLE, 422, detail);
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return status;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
