package org.evsettle.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.evsettle.events.registry.ChargerRecord;

/**
 * How a BootNotification is answered, from the registry and the charger's admission: Accepted for
 * an ACTIVE charger; Pending while a registered charger awaits approval, and for an unknown charger
 * that enrolled with the key its operator still uses; Rejected otherwise (a charger that is no
 * longer registered, or whose enrollment key the operator has since replaced or withdrawn).
 */
@ApplicationScoped
public class ChargerRegistration {

    /** The OCPP 1.6 RegistrationStatus. */
    public enum Status {
        ACCEPTED("Accepted"), PENDING("Pending"), REJECTED("Rejected");

        private final String ocpp;

        Status(String ocpp) {
            this.ocpp = ocpp;
        }

        public String ocpp() {
            return ocpp;
        }
    }

    private final RegistryProjection registry;
    private final EnrollmentPolicy enrollment;

    public ChargerRegistration(RegistryProjection registry, EnrollmentPolicy enrollment) {
        this.registry = registry;
        this.enrollment = enrollment;
    }

    public Status of(Admission admission) {
        Optional<ChargerRecord> charger = enrollment.charger(admission.chargePointId());
        if (charger.isPresent()) {
            String status = charger.get().status();
            if (ChargerStatus.ACTIVE.name().equals(status)) {
                return Status.ACCEPTED;
            }
            return ChargerStatus.PENDING_APPROVAL.name().equals(status) ? Status.PENDING : Status.REJECTED;
        }
        if (admission.enrolling() && registry.operatorEnrolling(admission.enrollmentKeySha256())
                .filter(operator -> operator.id().equals(admission.enrollmentOperatorId()))
                .isPresent()) {
            return Status.PENDING;
        }
        return Status.REJECTED;
    }

    /** True when the charger may be enrolled with its operator now (unknown to the registry, valid key). */
    public boolean isEnrolling(Admission admission) {
        return admission.enrolling() && enrollment.charger(admission.chargePointId()).isEmpty()
                && of(admission) == Status.PENDING;
    }
}
