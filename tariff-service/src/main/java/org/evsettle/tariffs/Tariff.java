package org.evsettle.tariffs;

import org.evsettle.events.tariffs.PricePurpose;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.outbox.api.KeysetQuery;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

/**
 * An operator's price agreement for some or all user types, at all its chargers, at one site or at
 * one charger. It is never edited in place: every change is a new {@link TariffVersion} that takes
 * effect at its effectiveFrom, so a session is always priced by the version in force when it started.
 * Where it applies and for whom are fixed when it is created.
 */
@Entity
@Table(name = "tariff")
public class Tariff extends PanacheEntityBase {

    public static final String EUR = "EUR";
    /** The order of tariff lists, oldest first: a key that is never null and unique. */
    private static final Keyset LISTED = Keyset.of(Keyset.ascending("createdAt", Instant.class),
            Keyset.ascending("id", UUID.class));

    @Id
    public UUID id;
    @Column(name = "operator_id")
    public UUID operatorId;
    public String name;
    /** The user types (RESIDENT, GUEST, ...) it applies to; empty for all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "user_types")
    public List<String> userTypes = new ArrayList<>();
    /** The one site it applies to; null at every site (unless chargerId is set). */
    @Column(name = "site_id")
    public UUID siteId;
    /** The one charger it applies to; null at every charger of its site or operator. */
    @Column(name = "charger_id")
    public UUID chargerId;
    /** CHARGE: what drivers pay; REIMBURSEMENT: a rate the operator pays its employees for charging at home. */
    public String purpose = PricePurpose.CHARGE.name();
    /** The one driver a REIMBURSEMENT rate is for; null for its user types. */
    @Column(name = "driver_id")
    public UUID driverId;
    public String currency;
    @Column(name = "created_at")
    public Instant createdAt;
    @OneToMany(mappedBy = "tariff", cascade = CascadeType.ALL)
    @OrderBy("version")
    public List<TariffVersion> versions = new ArrayList<>();

    /** A new tariff for the whole operator, without versions yet; {@link #addVersion} gives it its first. */
    public static Tariff create(UUID operatorId, String name, List<String> userTypes, String currency) {
        return create(operatorId, null, null, name, userTypes, currency);
    }

    /** A new tariff for the operator, one of its sites or one of its chargers, without versions yet. */
    public static Tariff create(UUID operatorId, UUID siteId, UUID chargerId, String name, List<String> userTypes,
                                String currency) {
        if (siteId != null && chargerId != null) {
            throw new IllegalArgumentException("A tariff applies to a site or to a charger, not both");
        }
        Tariff tariff = new Tariff();
        tariff.id = UUID.randomUUID();
        tariff.operatorId = operatorId;
        tariff.siteId = siteId;
        tariff.chargerId = chargerId;
        tariff.name = name;
        tariff.userTypes = new ArrayList<>(userTypes);
        tariff.currency = currency;
        tariff.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return tariff;
    }

    /** One page of the operator's tariffs (CHARGE), oldest first (by keyset, see {@link #LISTED}). */
    public static Page<Tariff> pageOf(UUID operatorId, PageRequest request) {
        return pageOf(operatorId, PricePurpose.CHARGE, request);
    }

    /** One page of the operator's tariffs or reimbursement rates, oldest first. */
    public static Page<Tariff> pageOf(UUID operatorId, PricePurpose purpose, PageRequest request) {
        return KeysetQuery.page(Tariff.class, LISTED, "operatorId = :operatorId and purpose = :purpose",
                Map.of("operatorId", operatorId, "purpose", purpose.name()), request,
                tariff -> List.of(tariff.createdAt, tariff.id));
    }

    /** Whether it prices what drivers pay (not a reimbursement rate). */
    public boolean isCharge() {
        return PricePurpose.CHARGE.name().equals(purpose);
    }

    public PricePurpose purposeOf() {
        return PricePurpose.valueOf(purpose);
    }

    /** An operator's tariffs with their versions, oldest first. */
    public static List<Tariff> ofOperator(UUID operatorId) {
        return find("select distinct t from Tariff t left join fetch t.versions where t.operatorId = ?1"
                + " order by t.createdAt, t.id", operatorId).list();
    }

    /** The tariffs of several operators with their versions, oldest first, read only: for pricing a batch. */
    public static List<Tariff> ofOperators(Collection<UUID> operatorIds) {
        return find("select distinct t from Tariff t left join fetch t.versions where t.operatorId in ?1"
                + " order by t.createdAt, t.id", List.copyOf(operatorIds))
                .withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** Adds version n+1, in force from effectiveFrom, which may not lie before the latest version's. */
    public TariffVersion addVersion(Instant effectiveFrom, BigDecimal vatRate, ZoneId zone,
                                    List<TariffComponent> components) {
        return addVersion(effectiveFrom, vatRate, zone, components, false);
    }

    /**
     * Adds version n+1; a correction may take effect before the latest version (from then on it prices in
     * that version's place), anything else not.
     */
    public TariffVersion addVersion(Instant effectiveFrom, BigDecimal vatRate, ZoneId zone,
                                    List<TariffComponent> components, boolean correction) {
        Instant from = effectiveFrom.truncatedTo(ChronoUnit.MICROS);
        Optional<TariffVersion> latest = latestVersion();
        if (!correction && latest.isPresent() && from.isBefore(latest.get().effectiveFrom)) {
            throw DomainException.invalid("effectiveFrom",
                    "must not be before " + latest.get().effectiveFrom + ", when version " + latest.get().version
                            + " takes effect");
        }
        TariffVersion version = new TariffVersion();
        version.id = UUID.randomUUID();
        version.tariff = this;
        version.version = latest.map(v -> v.version + 1).orElse(1);
        version.effectiveFrom = from;
        version.vatRate = vatRate;
        version.timeZone = zone.getId();
        version.components = List.copyOf(components);
        version.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        versions.add(version);
        return version;
    }

    /** What an audit entry compares: where and for whom the tariff applies, and its latest version's terms. */
    public Map<String, Object> auditState() {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("name", name);
        state.put("userTypes", List.copyOf(userTypes));
        state.put("siteId", siteId);
        state.put("chargerId", chargerId);
        latestVersion().ifPresent(v -> {
            state.put("version", v.version);
            state.put("effectiveFrom", v.effectiveFrom);
            state.put("vatRate", v.vatRate);
            state.put("components", List.copyOf(v.components));
        });
        return state;
    }

    public Optional<TariffVersion> latestVersion() {
        return versions.stream().max(Comparator.comparingInt(v -> v.version));
    }

    /** The version in force at an instant: the newest one whose effectiveFrom is not after it. */
    public Optional<TariffVersion> versionAt(Instant at) {
        return versions.stream()
                .filter(v -> !v.effectiveFrom.isAfter(at))
                .max(Comparator.comparingInt(v -> v.version));
    }

    /** Whether it may price a session of this user type: it names the type, or it is for all. */
    public boolean appliesTo(String userType) {
        return userTypes.isEmpty() || names(userType);
    }

    /** Whether it names this user type (rather than applying to all). */
    public boolean names(String userType) {
        return userType != null && userTypes.contains(userType);
    }

    /** Whether it may price a session at this charger of this site: it is for the operator, the site or the charger. */
    public boolean appliesAt(UUID atSite, UUID atCharger) {
        if (chargerId != null) {
            return chargerId.equals(atCharger);
        }
        return siteId == null || siteId.equals(atSite);
    }

    /** How narrowly it is placed: 2 for a charger, 1 for a site, 0 for the whole operator. */
    public int placeSpecificity() {
        return chargerId != null ? 2 : (siteId != null ? 1 : 0);
    }

    /** The version that takes over after an instant, if one is planned: a driver sees a price change coming. */
    public Optional<TariffVersion> versionAfter(Instant at) {
        return versions.stream()
                .filter(v -> v.effectiveFrom.isAfter(at))
                .min(Comparator.comparingInt(v -> v.version));
    }
}
