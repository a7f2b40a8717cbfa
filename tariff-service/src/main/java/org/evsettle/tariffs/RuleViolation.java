package org.evsettle.tariffs;

/**
 * A tariff rule that a component or restriction breaks, with the field it concerns relative to the
 * object checked ({@code restrictions.endTime}); the API prefixes the path the client wrote.
 */
public record RuleViolation(String field, String rule) {

    public RuleViolation under(String prefix) {
        return new RuleViolation(field.isEmpty() ? prefix : prefix + "." + field, rule);
    }
}
