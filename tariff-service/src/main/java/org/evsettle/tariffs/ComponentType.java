package org.evsettle.tariffs;

/**
 * The kinds of tariff component, each with the unit its quantity is counted in; a new kind (time,
 * idle fee, minimum, maximum) is a new constant here and a new case in {@link PricingEngine}.
 */
public enum ComponentType {
    ENERGY("Energy", "kWh"),
    START_FEE("Start fee", "session");

    private final String description;
    private final String unit;

    ComponentType(String description, String unit) {
        this.description = description;
        this.unit = unit;
    }

    /** How a price line of this component is labelled. */
    public String description() {
        return description;
    }

    public String unit() {
        return unit;
    }
}
