package org.evsettle.tariffs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An employee's contract with their own energy supplier: its prices incl. VAT as the energy bill states them, by day
 * and optionally by night (from nightStart to nightEnd, local time in the operator's zone; weekends wholly at the night
 * price when weekendsAtNightPrice), valid from validFrom to validTo, both included (open while validTo is null). The
 * rules of adding and ending one are {@link EnergyContracts}'.
 */
@Entity
@Table(name = "energy_contract")
public class EnergyContract extends PanacheEntityBase {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    @Id
    public UUID id;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "driver_id")
    public UUID driverId;
    public String supplier;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    @Column(name = "day_price_per_kwh")
    public BigDecimal dayPricePerKwh;
    @Column(name = "night_price_per_kwh")
    public BigDecimal nightPricePerKwh;
    @Column(name = "night_start")
    public LocalTime nightStart;
    @Column(name = "night_end")
    public LocalTime nightEnd;
    @Column(name = "weekends_at_night_price")
    public boolean weekendsAtNightPrice;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The driver's contract in force on a day (in the operator's zone), if any. */
    public static Optional<EnergyContract> inForce(UUID driverId, LocalDate day) {
        return EnergyContract.<EnergyContract>find("driverId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)",
                driverId, day).firstResultOptional();
    }

    /** The driver's contracts, the earliest first. */
    public static List<EnergyContract> of(UUID driverId) {
        return EnergyContract.<EnergyContract>list("driverId = ?1 order by validFrom", driverId);
    }

    /** Whether it is in force at some day from..to (to null: open). */
    boolean overlaps(LocalDate from, LocalDate to) {
        return (to == null || !validFrom.isAfter(to)) && (validTo == null || !validTo.isBefore(from));
    }

    /**
     * The energy components a home session is priced with under this contract, each price at most capPerKwh: the
     * night price applies wherever the day price does not (by night, and all weekend when weekendsAtNightPrice); a
     * contract without a night price has one price.
     */
    List<TariffComponent> components(BigDecimal capPerKwh) {
        BigDecimal day = capped(dayPricePerKwh, capPerKwh);
        if (nightPricePerKwh == null) {
            return List.of(energy(day, "Home charging", null));
        }
        Restrictions byDay = new Restrictions(nightEnd, nightStart, weekendsAtNightPrice ? WEEKDAYS : null, null,
                null, null, null, null, null);
        return List.of(energy(day, "Home charging, day", byDay),
                energy(capped(nightPricePerKwh, capPerKwh), "Home charging, night", null));
    }

    /** What an audit entry compares. */
    Map<String, Object> auditState() {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("driverId", driverId);
        state.put("supplier", supplier);
        state.put("validFrom", validFrom);
        state.put("validTo", validTo);
        state.put("dayPricePerKwh", dayPricePerKwh);
        state.put("nightPricePerKwh", nightPricePerKwh);
        state.put("nightStart", nightStart);
        state.put("nightEnd", nightEnd);
        state.put("weekendsAtNightPrice", weekendsAtNightPrice);
        return state;
    }

    private static TariffComponent energy(BigDecimal price, String label, Restrictions when) {
        return new TariffComponent(ComponentType.ENERGY, price, label, null, null, null, when);
    }

    private static BigDecimal capped(BigDecimal price, BigDecimal cap) {
        return cap == null ? price : price.min(cap);
    }
}
