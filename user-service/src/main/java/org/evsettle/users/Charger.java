package org.evsettle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.ChargerRecord;

/**
 * A charger registered to a site. Its OCPP password is kept only as a hash; the gateway checks the
 * password a charger presents against the hash it receives in the registry record.
 */
@Entity
@Table(name = "charger")
public class Charger extends PanacheEntityBase {

    /** What a charger may do: ACTIVE chargers connect and charge. */
    public enum Status { ACTIVE, PENDING_APPROVAL, DECOMMISSIONED }

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
    @Column(name = "firmware_version")
    public String firmwareVersion;
    @Column(name = "ocpp_password_hash")
    public String ocppPasswordHash;
    public String status;

    public static Optional<Charger> byChargePointId(String chargePointId) {
        return find("chargePointId", chargePointId).firstResultOptional();
    }

    public ChargerRecord toRecord() {
        return new ChargerRecord(id, revision, operatorId, siteId, chargePointId, connectorCount, vendor, model,
                firmwareVersion, ocppPasswordHash, status);
    }
}
