package org.evsettle.events.registry;

import java.math.BigDecimal;

/**
 * The most a site's feeder may carry for charging, shared among its charging sessions: a current per phase in
 * amperes (unit A, as a VvE garage's 32 A main fuse) or a power in watts (unit W), as OCPP's chargingRateUnit
 * spells them.
 */
public record LoadLimit(String unit, BigDecimal value) {

    public static final String AMPERES = "A";
    public static final String WATTS = "W";

    public boolean inAmperes() {
        return AMPERES.equals(unit);
    }
}
