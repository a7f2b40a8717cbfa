package org.evsettle.gateway;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Objects;
import java.util.Optional;
import org.evsettle.events.registry.ChargerRecord;

/**
 * Judges the admission of the sockets this replica holds again whenever the registry changes a charger
 * (every replica follows the registry itself): a new password, a decommissioned charger, another operator,
 * or, for a socket admitted with an enrollment key, a registration that key no longer admits, closes the
 * socket (1008 with the reason) so that the charger must authenticate again. Changes that keep the
 * admission valid (the enrollment's own PENDING_APPROVAL record, approval, site, connectors, firmware, the
 * password the charger itself accepted on this very socket) leave it open.
 */
@ApplicationScoped
public class AdmissionReview {

    public static final int POLICY_VIOLATION = 1008;
    public static final CloseReason PASSWORD_CHANGED = reason("OCPP password changed: authenticate again");
    public static final CloseReason DECOMMISSIONED = reason("Charger decommissioned");
    public static final CloseReason OPERATOR_CHANGED = reason("Charger registered with another operator: authenticate again");
    public static final CloseReason REMOVED = reason("Charger no longer registered");
    public static final CloseReason KEY_NO_LONGER_ADMITS = reason("Charger registered: the enrollment key no longer admits it");

    private final RegistryProjection registry;
    private final EnrollmentPolicy enrollment;
    private final IssuedPasswords issued;
    private final ChargerConnections connections;

    public AdmissionReview(RegistryProjection registry, EnrollmentPolicy enrollment, IssuedPasswords issued,
                           ChargerConnections connections) {
        this.registry = registry;
        this.enrollment = enrollment;
        this.issued = issued;
        this.connections = connections;
    }

    void listen(@Observes StartupEvent startup) {
        registry.onChargerChange(this::changed);
    }

    void changed(ChargerRecord before, ChargerRecord after) {
        String chargePointId = (after != null ? after : before).chargePointId();
        Optional<ChargerRecord> was = enrollment.effective(chargePointId, before);
        Optional<ChargerRecord> now = enrollment.effective(chargePointId, after);
        connections.held(chargePointId).ifPresent(held -> {
            Optional<CloseReason> close = held.admission().enrolling()
                    ? enrolledSocket(held.admission(), now.orElse(null))
                    : registeredSocket(was.orElse(null), now.orElse(null));
            close.ifPresent(reason -> {
                Log.debugf("Closing %s: %s", chargePointId, reason.getMessage());
                connections.closeForGatewayReason(held.socket(), reason);
            });
        });
        issued.registryChanged(chargePointId, after);
    }

    /** A socket admitted with an enrollment key stays while the registry holds the charger on that key. */
    private Optional<CloseReason> enrolledSocket(Admission admission, ChargerRecord now) {
        if (now == null) {
            return Optional.empty();
        }
        if (ChargerStatus.DECOMMISSIONED.name().equals(now.status())) {
            return Optional.of(DECOMMISSIONED);
        }
        if (!now.operatorId().equals(admission.enrollmentOperatorId())) {
            return Optional.of(OPERATOR_CHANGED);
        }
        if (now.onEnrollmentKey() || accepted(now)) {
            return Optional.empty();
        }
        return Optional.of(KEY_NO_LONGER_ADMITS);
    }

    private Optional<CloseReason> registeredSocket(ChargerRecord was, ChargerRecord now) {
        if (now == null) {
            return Optional.of(REMOVED);
        }
        if (ChargerStatus.DECOMMISSIONED.name().equals(now.status())) {
            return Optional.of(DECOMMISSIONED);
        }
        if (was != null && !Objects.equals(was.operatorId(), now.operatorId())) {
            return Optional.of(OPERATOR_CHANGED);
        }
        if (was != null && !Objects.equals(was.ocppPasswordHash(), now.ocppPasswordHash()) && !accepted(now)) {
            return Optional.of(PASSWORD_CHANGED);
        }
        return Optional.empty();
    }

    /** The registry now holds the password the charger itself accepted from this gateway. */
    private boolean accepted(ChargerRecord now) {
        return issued.of(now.chargePointId()).filter(own -> own.ocppPasswordHash().equals(now.ocppPasswordHash()))
                .isPresent();
    }

    private static CloseReason reason(String message) {
        return new CloseReason(POLICY_VIOLATION, message);
    }
}
