package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordOrigin;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A charger of an operator. Its OCPP password is kept only as a hash; the gateway checks the password
 * a charger presents against the hash it receives in the registry record. An ACTIVE charger stands at
 * a site; one that enrolled itself waits for approval in no site yet.
 */
@Entity
@Table(name = "charger")
public class Charger extends PanacheEntityBase implements RegistryEntity {

    /** What a charger may do: ACTIVE chargers connect and charge, PENDING_APPROVAL ones only connect. */
    public enum Status { ACTIVE, PENDING_APPROVAL, DECOMMISSIONED }

    private static final Keyset LISTED = Keyset.of(Keyset.ascending("chargePointId", String.class),
            Keyset.ascending("id", UUID.class));

    @Id
    public UUID id;
    @Version
    public long revision;
    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "charge_point_id")
    public String chargePointId;
    @Column(name = "connector_count")
    public int connectorCount;
    public String vendor;
    public String model;
    @Column(name = "serial_number")
    public String serialNumber;
    @Column(name = "firmware_version")
    public String firmwareVersion;
    @Column(name = "ocpp_password_hash")
    public String ocppPasswordHash;
    public String status;
    /** An {@link OcppPasswordOrigin} name. */
    @Column(name = "ocpp_password_origin")
    public String ocppPasswordOrigin = OcppPasswordOrigin.ASSIGNED.name();
    /** Why a charger on its operator's enrollment key has no password of its own yet; null when none is known. */
    @Column(name = "ocpp_password_problem")
    public String ocppPasswordProblem;
    /** The other chargePointIds it connects with ({@link ChargerAliases}), e.g. a Zaptec legacy device id. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "charger_alias", joinColumns = @JoinColumn(name = "charger_id"))
    @Column(name = "charge_point_id")
    public Set<String> aliases = new HashSet<>();

    public static Optional<Charger> byChargePointId(String chargePointId) {
        return find("chargePointId", chargePointId).firstResultOptional();
    }

    /** The charger that has this id as an alias ({@link ChargerAliases}), if one has. */
    public static Optional<UUID> aliasHolder(String chargePointId) {
        List<?> found = getEntityManager().createNativeQuery(
                        "SELECT charger_id FROM charger_alias WHERE charge_point_id = ?1")
                .setParameter(1, chargePointId).getResultList();
        return found.stream().findFirst().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
    }

    /** A page of the operator's chargers by chargePointId, then id; of one status, or all (null). */
    public static Page<Charger> page(UUID operatorId, Status status, PageRequest request) {
        return RegistryList.of(Charger.class, LISTED, c -> List.of(c.chargePointId, c.id))
                .where("operatorId", operatorId).where("status", status == null ? null : status.name()).page(request);
    }

    public boolean is(Status wanted) {
        return wanted.name().equals(status);
    }

    /** Takes what a BootNotification says about the hardware; true when anything changed. */
    public boolean describedAs(String vendor, String model, String serialNumber, String firmwareVersion) {
        boolean changed = !Objects.equals(this.vendor, vendor) || !Objects.equals(this.model, model)
                || !Objects.equals(this.serialNumber, serialNumber)
                || !Objects.equals(this.firmwareVersion, firmwareVersion);
        this.vendor = vendor;
        this.model = model;
        this.serialNumber = serialNumber;
        this.firmwareVersion = firmwareVersion;
        return changed;
    }

    /** True while its password is its operator's enrollment key, which every charger enrolling with it presents. */
    public boolean onEnrollmentKey() {
        return OcppPasswordOrigin.ENROLLMENT_KEY.name().equals(ocppPasswordOrigin);
    }

    /** Its OCPP password from now on, as a hash, and where it came from. */
    public void passwordSet(String hash, OcppPasswordOrigin origin) {
        ocppPasswordHash = hash;
        ocppPasswordOrigin = origin.name();
        ocppPasswordProblem = null;
    }

    /**
     * A pending charger placed at a site: it may charge from now on. One still on its operator's
     * enrollment key is refused: anyone holding the key could connect as it.
     */
    public void approve(UUID siteId, Integer connectorCount) {
        if (!is(Status.PENDING_APPROVAL)) {
            throw DomainException.conflict("Charger " + chargePointId + " is " + status
                    + "; only a charger pending approval can be approved");
        }
        if (onEnrollmentKey()) {
            throw DomainException.conflict("Charger " + chargePointId + " still presents its operator's enrollment"
                    + " key as its OCPP password; it can be approved once it has accepted a password of its own"
                    + " (ChangeConfiguration AuthorizationKey, sent at its next boot), or once an admin set one"
                    + " (POST /api/chargers/" + id + "/ocpp-password)"
                    + (ocppPasswordProblem == null ? "" : ". Last attempt: " + ocppPasswordProblem));
        }
        this.siteId = siteId;
        if (connectorCount != null) {
            this.connectorCount = connectorCount;
        }
        status = Status.ACTIVE.name();
    }

    /** Taken out of service for good: the gateway refuses it from now on. */
    public void decommission() {
        if (is(Status.DECOMMISSIONED)) {
            throw DomainException.conflict("Charger " + chargePointId + " is already decommissioned");
        }
        status = Status.DECOMMISSIONED.name();
    }

    @Override
    public ChargerRecord toRecord() {
        return new ChargerRecord(id, revision, operatorId, siteId, chargePointId, connectorCount, vendor, model,
                firmwareVersion, ocppPasswordHash, status, ocppPasswordOrigin, aliases.stream().sorted().toList());
    }
}
