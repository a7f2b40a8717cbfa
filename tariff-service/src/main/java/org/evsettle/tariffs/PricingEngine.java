package org.evsettle.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.evsettle.events.sessions.SessionCompleted;
import org.evsettle.events.sessions.SessionDurations;
import org.evsettle.events.tariffs.PriceLine;

/**
 * The pricing rule, in one place and free of framework and database. Made once per tariff version
 * ({@link #of}), it prices any number of sessions.
 *
 * <p>The session is cut into pieces at every instant where something a component depends on may
 * change: a meter reading, a local time-of-day edge, midnight or a DST change in the tariff's zone, an
 * energy or duration band edge, the start of the idle tail and the end of a grace period. Within a
 * piece every restriction holds or fails throughout, so each piece's energy, charging time,
 * connected time and idle time go to the one component of each type that applies there: a
 * restricted component whose restrictions hold, otherwise the type's unrestricted one, if any.
 * Energy per piece comes from {@link EnergyCurve} (pro rata by time between readings, whole Wh that
 * add up to the session's energy). Charging and idle time come from the session's durations: the
 * idle time is taken as the tail of the session (the car stays plugged in after charging), the
 * charging time is spread evenly over the rest; without durations all connected time is charging
 * time and there is no idle time.
 *
 * <p>A line per component that applied: quantity (kWh with 3 decimals, exact; hours with 4 and
 * minutes with 2 decimals, rounded half-up; 1 per session) times unit price, rounded half-up to
 * cents; an idle fee line is cut to its cap. Net is the sum of the lines, then raised to the minimum
 * or cut to the maximum price by an adjusting line; VAT = net times the rate, rounded half-up to
 * cents; gross = net + VAT. The VAT here is informative: an invoice computes VAT on its total per rate.
 */
public final class PricingEngine {

    private static final int CENTS = 2;
    private static final int KWH_DECIMALS = 3;
    private static final int HOUR_DECIMALS = 4;
    private static final int MINUTE_DECIMALS = 2;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final BigDecimal MICROS_PER_HOUR = BigDecimal.valueOf(3_600_000_000L);
    private static final BigDecimal MICROS_PER_MINUTE = BigDecimal.valueOf(60_000_000L);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(CENTS);
    private static final int ENERGY = ComponentType.ENERGY.ordinal();
    private static final int TIME = ComponentType.TIME.ordinal();
    private static final int IDLE = ComponentType.IDLE_FEE.ordinal();

    private final TariffTerms terms;
    private final ZoneRules zone;
    private final Rule[] rules;
    private final Rule[][] restrictedByType;
    private final Rule[] unrestrictedByType;
    /** Seconds of the local day at which a time, day or date restriction can change: midnight and every window edge. */
    private final int[] localEdges;
    private final boolean local;
    private final boolean timed;

    private PricingEngine(TariffTerms terms) {
        this.terms = terms;
        this.zone = terms.zone().getRules();
        List<TariffComponent> components = terms.components();
        this.rules = new Rule[components.size()];
        int types = ComponentType.values().length;
        List<List<Rule>> restricted = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            restricted.add(new ArrayList<>());
        }
        this.unrestrictedByType = new Rule[types];
        TreeSet<Integer> edges = new TreeSet<>(List.of(0));
        boolean anyLocal = false;
        boolean anyTimed = false;
        for (int i = 0; i < rules.length; i++) {
            Rule rule = new Rule(i, components.get(i));
            rules[i] = rule;
            if (rule.restricted) {
                restricted.get(rule.type.ordinal()).add(rule);
            } else if (unrestrictedByType[rule.type.ordinal()] == null) {
                unrestrictedByType[rule.type.ordinal()] = rule;
            }
            anyLocal |= rule.local;
            anyTimed |= rule.type == ComponentType.TIME || rule.type == ComponentType.IDLE_FEE;
            if (rule.timeOfDay) {
                edges.add(rule.fromSecond);
                edges.add(rule.toSecond % (int) SECONDS_PER_DAY);
            }
        }
        this.restrictedByType = restricted.stream().map(list -> list.toArray(Rule[]::new)).toArray(Rule[][]::new);
        this.localEdges = edges.stream().mapToInt(Integer::intValue).toArray();
        this.local = anyLocal;
        this.timed = anyTimed;
    }

    /** The pricing rule of one tariff version, ready to price sessions. */
    public static PricingEngine of(TariffTerms terms) {
        return new PricingEngine(terms);
    }

    public static Price price(SessionCompleted session, TariffTerms terms) {
        return of(terms).price(MeteredSession.of(session));
    }

    public Price price(MeteredSession session) {
        long start = micros(session.startedAt());
        long stop = micros(session.stoppedAt());
        long energy = session.energyWh();
        if (stop < start) {
            throw new IllegalArgumentException("The session stops (" + session.stoppedAt() + ") before it starts ("
                    + session.startedAt() + ")");
        }
        if (energy < 0) {
            throw new IllegalArgumentException("The session has negative energy (" + energy + " Wh)");
        }
        EnergyCurve curve = EnergyCurve.of(session, start, stop);
        Tally tally = new Tally(rules.length);
        if (stop == start) {
            Rule rule = select(ENERGY, new Moment(this, start, 0, curve));
            if (rule != null) {
                tally.add(rule, energy);
            }
        } else {
            shareOut(session.durations(), start, stop, curve, tally);
        }
        return lines(tally, new Moment(this, start, stop - start, curve), energy);
    }

    /** Walks the pieces of the session and adds each piece's energy and time to the component that applies there. */
    private void shareOut(SessionDurations durations, long start, long stop, EnergyCurve curve, Tally tally) {
        long connected = stop - start;
        long idle = durations == null ? 0 : clamp(durations.idleSeconds() * MICROS_PER_SECOND, 0, connected);
        long charging = durations == null ? connected
                : clamp(durations.chargingSeconds() * MICROS_PER_SECOND, 0, connected - idle);
        long idleStart = stop - idle;
        long[] cuts = cuts(start, stop, curve, idleStart);
        long energyAtA = 0;
        long chargedAtA = 0;
        for (int k = 0; k + 1 < cuts.length; k++) {
            long a = cuts[k];
            long b = cuts[k + 1];
            long energyAtB = curve.whAt(b);
            long chargedAtB = charged(b, start, idleStart, charging);
            Moment moment = new Moment(this, a, a - start, curve);
            Rule energyRule = select(ENERGY, moment);
            if (energyRule != null) {
                tally.add(energyRule, energyAtB - energyAtA);
            }
            if (timed) {
                Rule timeRule = select(TIME, moment);
                if (timeRule != null && timeRule.component.timeBasis() == TimeBasis.CONNECTED) {
                    tally.add(timeRule, b - a);
                } else if (timeRule != null && a < idleStart) {
                    tally.add(timeRule, chargedAtB - chargedAtA);
                }
                Rule idleRule = a >= idleStart ? select(IDLE, moment) : null;
                if (idleRule != null && a >= idleStart + idleRule.graceMicros) {
                    tally.add(idleRule, b - a);
                }
            }
            energyAtA = energyAtB;
            chargedAtA = chargedAtB;
        }
    }

    /** The charging time by instant t: spread evenly over the session before its idle tail. */
    private static long charged(long t, long start, long idleStart, long charging) {
        if (idleStart <= start) {
            return 0;
        }
        return Proportion.roundHalfUp(charging, Math.min(t, idleStart) - start, idleStart - start);
    }

    /** Every instant where what applies may change, start and stop included, in order. */
    private long[] cuts(long start, long stop, EnergyCurve curve, long idleStart) {
        Cuts cuts = new Cuts(start, stop);
        for (long reading : curve.instants()) {
            cuts.add(reading);
        }
        if (local) {
            addLocalEdges(start, stop, cuts);
        }
        for (Rule rule : rules) {
            if (rule.type.isPerSession()) {
                continue;
            }
            if (rule.minMicros > 0) {
                cuts.add(start + rule.minMicros);
            }
            if (rule.maxMicros != Long.MAX_VALUE) {
                cuts.add(start + rule.maxMicros);
            }
            if (rule.minWh > 0) {
                cuts.add(curve.firstReaching(rule.minWh));
            }
            if (rule.maxWh != Long.MAX_VALUE) {
                cuts.add(curve.firstReaching(rule.maxWh));
            }
            if (rule.type == ComponentType.IDLE_FEE) {
                cuts.add(idleStart + rule.graceMicros);
            }
        }
        if (timed) {
            cuts.add(idleStart);
        }
        return cuts.sorted();
    }

    /**
     * The instants at which local midnight or a window edge passes, and the zone's offset changes.
     * In a DST overlap a local time passes twice and both are cut; in a gap the change itself is.
     */
    private void addLocalEdges(long start, long stop, Cuts cuts) {
        long startSecond = Math.floorDiv(start, MICROS_PER_SECOND);
        long stopSecond = Math.floorDiv(stop, MICROS_PER_SECOND);
        ZoneOffsetTransition transition = zone.nextTransition(Instant.ofEpochSecond(startSecond));
        boolean steady = transition == null || transition.getInstant().getEpochSecond() > stopSecond;
        long firstDay = Math.floorDiv(startSecond + offsetAt(startSecond), SECONDS_PER_DAY) - 1;
        long lastDay = Math.floorDiv(stopSecond + offsetAt(stopSecond), SECONDS_PER_DAY) + 1;
        if (steady) {
            long offset = offsetAt(startSecond);
            for (long day = firstDay; day <= lastDay; day++) {
                for (int edge : localEdges) {
                    cuts.add((day * SECONDS_PER_DAY + edge - offset) * MICROS_PER_SECOND);
                }
            }
            return;
        }
        for (long day = firstDay; day <= lastDay; day++) {
            LocalDateTime midnight = LocalDate.ofEpochDay(day).atStartOfDay();
            for (int edge : localEdges) {
                LocalDateTime local = midnight.plusSeconds(edge);
                for (ZoneOffset offset : zone.getValidOffsets(local)) {
                    cuts.add(local.toEpochSecond(offset) * MICROS_PER_SECOND);
                }
            }
        }
        while (transition != null && transition.getInstant().getEpochSecond() <= stopSecond) {
            cuts.add(transition.getInstant().getEpochSecond() * MICROS_PER_SECOND);
            transition = zone.nextTransition(transition.getInstant());
        }
    }

    private long offsetAt(long epochSecond) {
        return zone.isFixedOffset() ? zone.getOffset(Instant.EPOCH).getTotalSeconds()
                : zone.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    /** The component of a type that applies at a moment: a restricted one whose restrictions hold, else the unrestricted one. */
    private Rule select(int type, Moment moment) {
        for (Rule rule : restrictedByType[type]) {
            if (rule.holdsAt(moment)) {
                return rule;
            }
        }
        return unrestrictedByType[type];
    }

    /** The same for a per-session component, checked at the session's start against its totals. */
    private Rule selectForSession(ComponentType type, Moment start, long totalMicros, long totalWh) {
        for (Rule rule : restrictedByType[type.ordinal()]) {
            if (rule.holdsForSession(start, totalMicros, totalWh)) {
                return rule;
            }
        }
        return unrestrictedByType[type.ordinal()];
    }

    private Price lines(Tally tally, Moment start, long energy) {
        List<PriceLine> lines = new ArrayList<>(rules.length + 1);
        BigDecimal net = ZERO;
        Rule startFee = selectForSession(ComponentType.START_FEE, start, start.elapsed, energy);
        for (Rule rule : rules) {
            PriceLine line = null;
            switch (rule.type) {
                case ENERGY -> line = tally.applied[rule.index]
                        ? line(rule, BigDecimal.valueOf(tally.amount[rule.index], KWH_DECIMALS)) : null;
                case TIME -> line = tally.applied[rule.index] ? line(rule, BigDecimal.valueOf(tally.amount[rule.index])
                        .divide(MICROS_PER_HOUR, HOUR_DECIMALS, RoundingMode.HALF_UP)) : null;
                case IDLE_FEE -> line = tally.applied[rule.index] ? capped(rule, line(rule,
                        BigDecimal.valueOf(tally.amount[rule.index]).divide(MICROS_PER_MINUTE, MINUTE_DECIMALS,
                                RoundingMode.HALF_UP))) : null;
                case START_FEE -> line = rule == startFee ? line(rule, BigDecimal.ONE) : null;
                default -> line = null;
            }
            if (line != null) {
                lines.add(line);
                net = net.add(line.amount());
            }
        }
        Rule minimum = selectForSession(ComponentType.MIN_PRICE, start, start.elapsed, energy);
        if (minimum != null && net.compareTo(cents(minimum.component.unitPrice())) < 0) {
            PriceLine topUp = adjustment(minimum, cents(minimum.component.unitPrice()).subtract(net));
            lines.add(topUp);
            net = net.add(topUp.amount());
        }
        Rule maximum = selectForSession(ComponentType.MAX_PRICE, start, start.elapsed, energy);
        if (maximum != null && net.compareTo(cents(maximum.component.unitPrice())) > 0) {
            PriceLine cut = adjustment(maximum, cents(maximum.component.unitPrice()).subtract(net));
            lines.add(cut);
            net = net.add(cut.amount());
        }
        BigDecimal vat = cents(net.multiply(terms.vatRate()));
        return new Price(terms.currency(), lines, net, terms.vatRate(), vat, net.add(vat));
    }

    private static PriceLine line(Rule rule, BigDecimal quantity) {
        TariffComponent component = rule.component;
        return new PriceLine(rule.type.name(), component.description(), quantity, rule.type.unit(),
                component.unitPrice(), cents(quantity.multiply(component.unitPrice())));
    }

    private PriceLine capped(Rule rule, PriceLine line) {
        BigDecimal cap = rule.component.cap();
        if (cap == null || line.amount().compareTo(cap) <= 0) {
            return line;
        }
        return new PriceLine(line.component(), line.description() + ", capped at " + cap.toPlainString() + " "
                + terms.currency(), line.quantity(), line.unit(), line.unitPrice(), cap);
    }

    /** The line that brings the sum of the others to a minimum or maximum price: 1 session at the difference. */
    private PriceLine adjustment(Rule bound, BigDecimal difference) {
        return new PriceLine(bound.type.name(), bound.component.description() + " "
                + cents(bound.component.unitPrice()).toPlainString() + " " + terms.currency(), BigDecimal.ONE,
                bound.type.unit(), difference.setScale(TariffComponent.UNIT_PRICE_SCALE), difference);
    }

    /** Energy is counted in whole Wh, so kWh with 3 decimals is exact. */
    static BigDecimal kWh(long energyWh) {
        return BigDecimal.valueOf(energyWh, KWH_DECIMALS);
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(CENTS, RoundingMode.HALF_UP);
    }

    /** An instant as microseconds since the epoch: the precision sessions are stored with. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000);
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(value, max));
    }

    /** One instant of a session as restrictions see it: local time of day, day of week and date; time since start; energy so far. */
    private static final class Moment {
        final int secondOfDay;
        final int dayOfWeek;
        final long epochDay;
        final long at;
        final long elapsed;
        final EnergyCurve curve;

        Moment(PricingEngine engine, long at, long elapsed, EnergyCurve curve) {
            this.at = at;
            this.elapsed = elapsed;
            this.curve = curve;
            if (engine.local) {
                long second = Math.floorDiv(at, MICROS_PER_SECOND);
                long localSecond = second + engine.offsetAt(second);
                this.epochDay = Math.floorDiv(localSecond, SECONDS_PER_DAY);
                this.secondOfDay = (int) Math.floorMod(localSecond, SECONDS_PER_DAY);
                this.dayOfWeek = (int) Math.floorMod(epochDay + 3, 7); // 1970-01-01 was a Thursday; Monday is 0
            } else {
                this.epochDay = 0;
                this.secondOfDay = 0;
                this.dayOfWeek = 0;
            }
        }
    }

    /** A component with its restrictions in the form checked at every piece. */
    private static final class Rule {
        final int index;
        final TariffComponent component;
        final ComponentType type;
        final boolean restricted;
        final boolean local;
        final boolean timeOfDay;
        final int fromSecond;
        final int toSecond;
        final int days;
        final long fromDay;
        final long toDay;
        final long minWh;
        final long maxWh;
        final long minMicros;
        final long maxMicros;
        final long graceMicros;

        Rule(int index, TariffComponent component) {
            this.index = index;
            this.component = component;
            this.type = component.type();
            this.restricted = component.isRestricted();
            Restrictions r = component.restrictionsOrNone();
            this.timeOfDay = r.hasTimeOfDay();
            this.fromSecond = timeOfDay ? r.startTime().toSecondOfDay() : 0;
            this.toSecond = timeOfDay ? r.endTime().toSecondOfDay() : 0;
            int mask = 0;
            for (var day : r.days()) {
                mask |= 1 << (day.getValue() - 1);
            }
            this.days = mask;
            this.fromDay = r.startDate() == null ? Long.MIN_VALUE : r.startDate().toEpochDay();
            this.toDay = r.endDate() == null ? Long.MAX_VALUE : r.endDate().toEpochDay();
            this.local = timeOfDay || r.daysOfWeek() != null || r.startDate() != null || r.endDate() != null;
            this.minWh = r.minKwh() == null ? 0 : r.minKwh().movePointRight(KWH_DECIMALS).longValueExact();
            this.maxWh = r.maxKwh() == null ? Long.MAX_VALUE : r.maxKwh().movePointRight(KWH_DECIMALS).longValueExact();
            this.minMicros = r.minDurationMinutes() == null ? 0 : r.minDurationMinutes() * 60L * MICROS_PER_SECOND;
            this.maxMicros = r.maxDurationMinutes() == null ? Long.MAX_VALUE
                    : r.maxDurationMinutes() * 60L * MICROS_PER_SECOND;
            Integer grace = component.graceMinutes();
            this.graceMicros = grace == null ? 0 : grace * 60L * MICROS_PER_SECOND;
        }

        boolean holdsAt(Moment m) {
            return holdsLocally(m) && m.elapsed >= minMicros && m.elapsed < maxMicros
                    && m.curve.reached(m.at, minWh) && (maxWh == Long.MAX_VALUE || !m.curve.reached(m.at, maxWh));
        }

        boolean holdsForSession(Moment start, long totalMicros, long totalWh) {
            return holdsLocally(start) && totalMicros >= minMicros && totalMicros < maxMicros
                    && totalWh >= minWh && totalWh < maxWh;
        }

        private boolean holdsLocally(Moment m) {
            if (!local) {
                return true;
            }
            if ((days & (1 << m.dayOfWeek)) == 0 || m.epochDay < fromDay || m.epochDay > toDay) {
                return false;
            }
            if (!timeOfDay) {
                return true;
            }
            int s = m.secondOfDay;
            return fromSecond < toSecond ? s >= fromSecond && s < toSecond : s >= fromSecond || s < toSecond;
        }
    }

    /** What each component has counted so far: Wh for energy, microseconds for time; and whether it applied at all. */
    private static final class Tally {
        final long[] amount;
        final boolean[] applied;

        Tally(int size) {
            amount = new long[size];
            applied = new boolean[size];
        }

        void add(Rule rule, long quantity) {
            amount[rule.index] += quantity;
            applied[rule.index] = true;
        }
    }

    /** The instants a session is cut at, kept within it. */
    private static final class Cuts {
        private final long start;
        private final long stop;
        private long[] values = new long[64];
        private int size;

        Cuts(long start, long stop) {
            this.start = start;
            this.stop = stop;
            append(start);
            append(stop);
        }

        void add(long instant) {
            if (instant > start && instant < stop) {
                append(instant);
            }
        }

        private void append(long instant) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = instant;
        }

        long[] sorted() {
            Arrays.sort(values, 0, size);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (distinct == 0 || values[i] != values[distinct - 1]) {
                    values[distinct++] = values[i];
                }
            }
            return Arrays.copyOf(values, distinct);
        }
    }
}
