package org.evsettle.tariffs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One immutable state of a tariff: its VAT rate, time zone and components, in force from
 * effectiveFrom until a later version takes over. The zone (the operator's when the version was made)
 * is kept with it, so that its times of day mean the same forever. Components are stored as JSON so
 * that new kinds and restrictions need no new columns.
 */
@Entity
@Table(name = "tariff_version")
public class TariffVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "tariff_id")
    public Tariff tariff;
    public int version;
    @Column(name = "effective_from")
    public Instant effectiveFrom;
    @Column(name = "vat_rate")
    public BigDecimal vatRate;
    @Column(name = "time_zone")
    public String timeZone;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<TariffComponent> components = new ArrayList<>();
    @Column(name = "created_at")
    public Instant createdAt;
    /** A reimbursement rate's cap on an employee's reimbursement per calendar month; null: none. */
    @Column(name = "monthly_cap")
    public BigDecimal monthlyCap;
    /** A reimbursement rate's basis, FIXED or CONTRACT, and the cap per kWh its contract prices were held to. */
    public String basis;
    @Column(name = "cap_per_kwh")
    public BigDecimal capPerKwh;
    /** Why a correction took effect before it was made (a reimbursement rate's audited correction); else null. */
    public String reason;

    public TariffTerms terms() {
        return new TariffTerms(tariff.currency, vatRate, ZoneId.of(timeZone), components);
    }
}
