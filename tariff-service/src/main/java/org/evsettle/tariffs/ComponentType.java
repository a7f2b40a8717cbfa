package org.evsettle.tariffs;

/**
 * The kinds of tariff component, each with the unit its quantity is counted in. Time-based kinds
 * (energy, time, idle) price the parts of a session their restrictions cover; per-session kinds
 * (start fee, minimum, maximum) apply to the session as a whole.
 */
public enum ComponentType {
    /** Per kWh of energy delivered. */
    ENERGY("Energy", "kWh", false),
    /** Once per session. */
    START_FEE("Start fee", "session", false),
    /** Per hour of charging (or connected) time, by the component's {@link TimeBasis}. */
    TIME("Time", "hour", false),
    /** Per minute connected without charging, after a grace period, up to an optional cap. */
    IDLE_FEE("Idle fee", "minute", false),
    /** The lowest net price of a session: a lower sum of the other lines is topped up to it. */
    MIN_PRICE("Minimum price", "session", true),
    /** The highest net price of a session: a higher sum of the other lines is reduced to it. */
    MAX_PRICE("Maximum price", "session", true);

    private final String description;
    private final String unit;
    private final boolean bound;

    ComponentType(String description, String unit, boolean bound) {
        this.description = description;
        this.unit = unit;
        this.bound = bound;
    }

    /** How a price line of this component is labelled. */
    public String description() {
        return description;
    }

    public String unit() {
        return unit;
    }

    /** Whether it bounds the sum of the other lines (minimum, maximum) rather than adding a line of its own. */
    public boolean isBound() {
        return bound;
    }

    /** Whether it applies to the session as a whole rather than to parts of it. */
    public boolean isPerSession() {
        return this == START_FEE || bound;
    }
}
