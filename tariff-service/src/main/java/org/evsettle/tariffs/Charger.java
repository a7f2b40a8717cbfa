package org.evsettle.tariffs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.outbox.registry.RegistryCopy;

/**
 * The tariff service's copy of a registry charger: from the id a driver reads on the charger
 * (chargePointId) to its operator and site, for the tariff shown there and a quote.
 */
@Entity
@Table(name = "charger")
public class Charger extends RegistryCopy<ChargerRecord> {

    public static final String DECOMMISSIONED = "DECOMMISSIONED";

    @Column(name = "operator_id")
    public UUID operatorId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "charge_point_id")
    public String chargePointId;
    public String status;

    @Override
    protected void copy(ChargerRecord record) {
        operatorId = record.operatorId();
        siteId = record.siteId();
        chargePointId = record.chargePointId();
        status = record.status();
    }

    /** The charger in service under this chargePointId (an id may be reused once a charger is decommissioned). */
    public static Optional<Charger> inService(String chargePointId) {
        return find("chargePointId = ?1 and status <> ?2 order by revision desc", chargePointId, DECOMMISSIONED)
                .<Charger>firstResultOptional();
    }

    /** The chargers in service under these chargePointIds, by chargePointId, read in one query. */
    public static Map<String, Charger> inService(Collection<String> chargePointIds) {
        Map<String, Charger> byChargePointId = new HashMap<>();
        if (chargePointIds.isEmpty()) {
            return byChargePointId;
        }
        Charger.<Charger>list("chargePointId in ?1 and status <> ?2 order by revision desc",
                        chargePointIds.stream().distinct().toList(), DECOMMISSIONED)
                .forEach(charger -> byChargePointId.putIfAbsent(charger.chargePointId, charger));
        return byChargePointId;
    }

    public static boolean ofOperator(UUID chargerId, UUID operatorId) {
        return Charger.<Charger>findByIdOptional(chargerId).filter(c -> c.operatorId.equals(operatorId)).isPresent();
    }
}
