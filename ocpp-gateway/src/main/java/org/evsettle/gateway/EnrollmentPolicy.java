package org.evsettle.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.events.registry.ChargePointIds;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordOrigin;
import org.evsettle.events.registry.OperatorRecord;

/**
 * Which chargers an operator's enrollment key may bring in, and what the registry says about a charger
 * once it has a password of its own. A key enrolls only an id that could be registered over REST
 * ({@link ChargePointIds}), that no other operator registered or announced, and, when the operator
 * enrolls announced ids only, one it announced; every refused attempt is counted in
 * {@code ocpp_enrollments_refused_total{reason}} ({@code invalid-charge-point-id}, {@code claimed},
 * {@code not-announced}). A charger that accepted the password the gateway issued is seen with that
 * password ({@link IssuedPasswords}) until the registry carries it.
 */
@ApplicationScoped
public class EnrollmentPolicy {

    private final RegistryProjection registry;
    private final IssuedPasswords issued;
    private final MeterRegistry meters;

    public EnrollmentPolicy(RegistryProjection registry, IssuedPasswords issued, MeterRegistry meters) {
        this.registry = registry;
        this.issued = issued;
        this.meters = meters;
    }

    /** The charger as admission should judge it: the registry's record, with a password the charger accepted since. */
    public Optional<ChargerRecord> charger(String chargePointId) {
        Optional<ChargerRecord> record = registry.charger(chargePointId);
        // on one of its aliases a charger is judged as itself, under its own id
        return effective(record.map(ChargerRecord::chargePointId).orElse(chargePointId), record.orElse(null));
    }

    /**
     * {@link #charger(String)} at a handshake: a charger registered with one operator that presents
     * another operator's enrollment key is an attempt to capture its id, refused (its password does not
     * match) and counted.
     */
    public Optional<ChargerRecord> charger(String chargePointId, String password) {
        Optional<ChargerRecord> charger = charger(chargePointId);
        charger.ifPresent(known -> registry.operatorEnrolling(ChargerCredentials.sha256(password))
                .filter(operator -> !operator.id().equals(known.operatorId()))
                .ifPresent(operator -> refused(chargePointId, operator, "claimed")));
        return charger;
    }

    /**
     * The operator whose enrollment key this is (lower-case hex SHA-256) if that key may enroll this
     * chargePointId, which the registry does not know; empty when it is no key or may not.
     */
    public Optional<OperatorRecord> operatorFor(String chargePointId, String keySha256) {
        Optional<OperatorRecord> operator = registry.operatorEnrolling(keySha256);
        if (operator.isEmpty()) {
            return operator;
        }
        if (!ChargePointIds.isValid(chargePointId)) {
            return refused(chargePointId, operator.get(), "invalid-charge-point-id");
        }
        Optional<UUID> announcer = registry.announcedBy(chargePointId);
        if (announcer.isPresent() && !announcer.get().equals(operator.get().id())) {
            return refused(chargePointId, operator.get(), "claimed");
        }
        if (announcer.isEmpty() && operator.get().enrollsAnnouncedOnly()) {
            return refused(chargePointId, operator.get(), "not-announced");
        }
        return operator;
    }

    /** The record with the password the charger accepted, while the registry still has it on the key. */
    Optional<ChargerRecord> effective(String chargePointId, ChargerRecord record) {
        Optional<IssuedPasswords.Issued> accepted = issued.of(chargePointId);
        if (accepted.isEmpty()) {
            return Optional.ofNullable(record);
        }
        IssuedPasswords.Issued own = accepted.get();
        if (record == null) {
            // user-service has not registered the enrollment yet: the charger awaits approval all the same
            return Optional.of(new ChargerRecord(UUID.nameUUIDFromBytes(chargePointId.getBytes(StandardCharsets.UTF_8)),
                    0, own.operatorId(), null, chargePointId, 1, null, null, null, own.ocppPasswordHash(),
                    ChargerStatus.PENDING_APPROVAL.name(), OcppPasswordOrigin.ISSUED.name()));
        }
        if (record.onEnrollmentKey() && record.operatorId().equals(own.operatorId())
                && !ChargerStatus.DECOMMISSIONED.name().equals(record.status())) {
            return Optional.of(new ChargerRecord(record.id(), record.revision(), record.operatorId(), record.siteId(),
                    chargePointId, record.connectorCount(), record.vendor(), record.model(), record.firmwareVersion(),
                    own.ocppPasswordHash(), record.status(), OcppPasswordOrigin.ISSUED.name()));
        }
        return Optional.of(record);
    }

    private <T> Optional<T> refused(String chargePointId, OperatorRecord operator, String reason) {
        Log.debugf("Refused to enroll %s with the key of operator %s: %s", printable(chargePointId), operator.id(), reason);
        meters.counter("ocpp.enrollments.refused", "reason", reason).increment();
        return Optional.empty();
    }

    private static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
