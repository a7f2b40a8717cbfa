package org.evsettle.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/**
 * This service's copy of a registered charger: its operator, site and chargePointId, so that a session
 * imported from Zaptec's charge history finds the operator's charger it was charged at.
 */
@Entity
@Table(name = "charger")
public class Charger extends RegistryCopy<ChargerRecord> {

    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "charge_point_id")
    public String chargePointId;

    /** The operator's chargers registered under this chargePointId, in any case. */
    public static List<Charger> ofOperator(UUID operatorId, String chargePointId) {
        return list("operatorId = ?1 and upper(chargePointId) = upper(?2)", operatorId, chargePointId);
    }

    @Override
    protected void copy(ChargerRecord record) {
        operatorId = record.operatorId();
        siteId = record.siteId();
        chargePointId = record.chargePointId();
    }
}
