package org.evsettle.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.outbox.consumer.MalformedRecord;
import org.evsettle.outbox.registry.RegistryCopy;
import org.evsettle.sessions.zaptec.ZaptecSessionFacts;

/**
 * This service's copy of a registry driver: the operator it belongs to (whose admins may list its
 * sessions), the user type a session's snapshot takes at its start, the name for the charge report and
 * the language the driver reads their own report in.
 */
@Entity
@Table(name = "driver")
public class Driver extends RegistryCopy<DriverRecord> {

    /** The status of a driver the registry erased (docs/privacy.md). */
    static final String ERASED = "ERASED";

    @Column(name = "operator_id")
    public UUID operatorId;
    /** The Keycloak account whose tokens are this driver (DriverRecord.accountId); null while none is linked. */
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "user_type")
    public String userType;
    public String name;
    /** The driver's e-mail, to match a Zaptec user to the driver (docs/zaptec.md). */
    public String email;
    /** The language the driver reads their own report in (ISO 639-1), null for the operator's. */
    public String language;

    /** The user types of these drivers as known now, by id; an unknown driver or one without a type is absent. */
    public static Map<UUID, String> userTypes(Collection<UUID> driverIds) {
        Map<UUID, String> userTypes = new HashMap<>();
        if (!driverIds.isEmpty()) {
            Driver.<Driver>list("id in ?1", driverIds).stream()
                    .filter(driver -> driver.userType != null)
                    .forEach(driver -> userTypes.put(driver.id, driver.userType));
        }
        return userTypes;
    }

    public static Optional<String> userTypeOf(UUID driverId) {
        return driverId == null ? Optional.empty()
                : Driver.<Driver>findByIdOptional(driverId).map(driver -> driver.userType);
    }

    /**
     * Whose a driver is: the registry's word, or for a driver it no longer holds (deleted), the operator of
     * the driver's sessions here; empty for a driver known neither way.
     */
    public static Optional<UUID> operatorOf(UUID driverId) {
        return Driver.<Driver>findByIdOptional(driverId).map(driver -> driver.operatorId)
                .or(() -> ChargingSession.operatorOfDriver(driverId));
    }

    @Override
    protected void copy(DriverRecord record) {
        if (record.operatorId() == null) {
            throw new MalformedRecord("Driver " + record.id() + " belongs to no operator");
        }
        operatorId = record.operatorId();
        accountId = record.accountId();
        userType = record.userType();
        name = record.name();
        email = record.email();
        if (ERASED.equals(record.status())) {
            // what Zaptec said of the person stays no longer than the registry's own copy does
            ZaptecSessionFacts.eraseDriver(record.id());
        }
        language = record.language();
    }
}
