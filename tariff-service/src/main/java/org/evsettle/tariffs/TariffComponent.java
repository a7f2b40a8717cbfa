package org.evsettle.tariffs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One priced element of a tariff version: its type, the net price per unit of that type (per kWh,
 * session, hour or minute; for a minimum or maximum the session amount), up to 5 decimals, and when
 * it applies. timeBasis is for TIME components (CHARGING when left out), graceMinutes (0) and cap (none)
 * for IDLE_FEE components; label names the line on a price ("Peak energy"), or a description is made
 * from the type and restrictions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TariffComponent(
        ComponentType type,
        BigDecimal unitPrice,
        String label,
        TimeBasis timeBasis,
        Integer graceMinutes,
        BigDecimal cap,
        Restrictions restrictions) {

    /** Unit prices carry up to 5 decimals; they are kept with exactly 5, as the events show them. */
    public static final int UNIT_PRICE_SCALE = 5;
    private static final int MAX_UNIT_PRICE_DIGITS = 7;
    private static final int MAX_GRACE_MINUTES = 24 * 60;
    private static final int MAX_LABEL_LENGTH = 100;

    public TariffComponent {
        if (unitPrice != null && unitPrice.stripTrailingZeros().scale() <= UNIT_PRICE_SCALE) {
            unitPrice = unitPrice.setScale(UNIT_PRICE_SCALE, RoundingMode.UNNECESSARY);
        }
        if (cap != null && cap.stripTrailingZeros().scale() <= 2) {
            cap = cap.setScale(2, RoundingMode.UNNECESSARY);
        }
        if (type == ComponentType.TIME && timeBasis == null) {
            timeBasis = TimeBasis.CHARGING;
        }
        if (type == ComponentType.IDLE_FEE && graceMinutes == null) {
            graceMinutes = 0;
        }
        if (label != null && label.isBlank()) {
            label = null;
        }
        if (restrictions != null && restrictions.isEmpty()) {
            restrictions = null;
        }
    }

    /** A component without restrictions or options. */
    public static TariffComponent of(ComponentType type, BigDecimal unitPrice) {
        return new TariffComponent(type, unitPrice, null, null, null, null, null);
    }

    /** The same component restricted this way. */
    public TariffComponent restrictedTo(Restrictions when) {
        return new TariffComponent(type, unitPrice, label, timeBasis, graceMinutes, cap, when);
    }

    public Restrictions restrictionsOrNone() {
        return restrictions == null ? Restrictions.NONE : restrictions;
    }

    @JsonIgnore
    public boolean isRestricted() {
        return restrictions != null;
    }

    /** The first rule it breaks, if any, with the field relative to the component. */
    public Optional<RuleViolation> violation() {
        if (type == null) {
            return rule("type", "must be one of ENERGY, START_FEE, TIME, IDLE_FEE, MIN_PRICE, MAX_PRICE");
        }
        if (unitPrice == null || unitPrice.signum() < 0) {
            return rule("unitPrice", "must be a price of 0 or more");
        }
        if (unitPrice.stripTrailingZeros().scale() > UNIT_PRICE_SCALE) {
            return rule("unitPrice", "must have at most " + UNIT_PRICE_SCALE + " decimals");
        }
        if (unitPrice.precision() - unitPrice.scale() > MAX_UNIT_PRICE_DIGITS) {
            return rule("unitPrice", "must be below 10^" + MAX_UNIT_PRICE_DIGITS);
        }
        if (label != null && label.length() > MAX_LABEL_LENGTH) {
            return rule("label", "must be at most " + MAX_LABEL_LENGTH + " characters");
        }
        if (timeBasis != null && type != ComponentType.TIME) {
            return rule("timeBasis", "applies to TIME components only");
        }
        if (type != ComponentType.IDLE_FEE && (graceMinutes != null || cap != null)) {
            return rule(graceMinutes != null ? "graceMinutes" : "cap", "applies to IDLE_FEE components only");
        }
        if (graceMinutes != null && (graceMinutes < 0 || graceMinutes > MAX_GRACE_MINUTES)) {
            return rule("graceMinutes", "must be from 0 to " + MAX_GRACE_MINUTES + " minutes");
        }
        if (cap != null && (cap.signum() < 0 || cap.stripTrailingZeros().scale() > 2
                || cap.precision() - cap.scale() > MAX_UNIT_PRICE_DIGITS)) {
            return rule("cap", "must be an amount of 0 or more with at most 2 decimals");
        }
        return restrictionsOrNone().violation().map(v -> v.under("restrictions"));
    }

    private static Optional<RuleViolation> rule(String field, String rule) {
        return Optional.of(new RuleViolation(field, rule));
    }

    /** How its price line is labelled: the label, or the type with its basis and restrictions in words. */
    public String description() {
        if (label != null) {
            return label;
        }
        String what = switch (type) {
            case TIME -> timeBasis == TimeBasis.CONNECTED ? "Connected time" : "Charging time";
            case IDLE_FEE -> graceMinutes != null && graceMinutes > 0
                    ? "Idle time after " + graceMinutes + " minutes" : "Idle time";
            default -> type.description();
        };
        String when = restrictionsOrNone().describe();
        return when.isEmpty() ? what : what + " (" + when + ")";
    }

    /** The component in plain words for a driver: "0.35000 EUR per kWh (Monday to Friday 17:00-21:00)". */
    public String terms(String currency) {
        String price = unitPrice.toPlainString() + " " + currency;
        String how = switch (type) {
            case ENERGY -> price + " per kWh";
            case START_FEE -> price + " per session";
            case TIME -> price + " per hour " + (timeBasis == TimeBasis.CONNECTED ? "connected" : "charging");
            case IDLE_FEE -> price + " per minute connected without charging"
                    + (graceMinutes != null && graceMinutes > 0 ? ", after " + graceMinutes + " free minutes" : "")
                    + (cap != null ? ", at most " + cap.toPlainString() + " " + currency + " per session" : "");
            case MIN_PRICE -> "at least " + price + " per session";
            case MAX_PRICE -> "at most " + price + " per session";
        };
        String when = restrictionsOrNone().describe();
        return when.isEmpty() ? how : how + " (" + when + ")";
    }
}
