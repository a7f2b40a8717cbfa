package org.evsettle.gateway.ocpp.v16;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.evsettle.gateway.ChargerCertificates;
import org.evsettle.gateway.ocpp.ActionFamily;
import org.evsettle.gateway.ocpp.IncomingCall;
import org.evsettle.gateway.ocpp.OcppAction;
import org.evsettle.gateway.ocpp.v16.SecurityMessages.SecurityEventNotificationRequest;
import org.evsettle.gateway.ocpp.v16.SecurityMessages.SecurityEventNotificationResponse;
import org.evsettle.gateway.ocpp.v16.SecurityMessages.SignCertificateRequest;
import org.evsettle.gateway.ocpp.v16.SecurityMessages.SignCertificateResponse;

/**
 * The 1.6 security extension's messages from chargers. SignCertificate: a CSR that passes the charger
 * CA's checks, from a charger an operator asked a certificate for (or that renews one of ours), is
 * answered Accepted, then signed and sent back with CertificateSigned; anything else Rejected.
 * SecurityEventNotification is logged (rare, and worth an operator's eye) and answered.
 */
@ApplicationScoped
public class SecurityHandler implements ActionFamily {

    private final ChargerCertificates certificates;

    public SecurityHandler(ChargerCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public String subprotocol() {
        return Ocpp16.SUBPROTOCOL;
    }

    @Override
    public List<OcppAction<?, ?>> actions() {
        return List.of(
                OcppAction.of("SignCertificate", SignCertificateRequest.class, this::signCertificate),
                OcppAction.of("SecurityEventNotification", SecurityEventNotificationRequest.class, this::securityEvent));
    }

    Uni<SignCertificateResponse> signCertificate(IncomingCall<SignCertificateRequest> call) {
        String chargePointId = call.chargePointId();
        return Uni.createFrom().item(() -> certificates.accept(chargePointId, call.admission(), call.request().csr()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(accepted -> accepted.ifPresent(csr -> issueAfterAnswer(chargePointId, csr)))
                .map(accepted -> new SignCertificateResponse(accepted.isPresent() ? "Accepted" : "Rejected"));
    }

    /** Signing takes a moment on a worker: the CALLRESULT goes out first, then CertificateSigned. */
    private void issueAfterAnswer(String chargePointId, PKCS10CertificationRequest csr) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                certificates.issue(chargePointId, csr).subscribe().with(outcome -> { },
                        failure -> Log.warnf("CertificateSigned to %s failed: %s", chargePointId, failure.toString()));
            } catch (RuntimeException e) {
                Log.warnf(e, "Could not issue a client certificate to %s", chargePointId);
            }
        });
    }

    Uni<SecurityEventNotificationResponse> securityEvent(IncomingCall<SecurityEventNotificationRequest> call) {
        SecurityEventNotificationRequest event = call.request();
        Log.infof("Security event from %s: %s at %s", call.chargePointId(), event.type(), event.timestamp());
        Log.debugf("Security event from %s: techInfo %s", call.chargePointId(), Optional.ofNullable(event.techInfo())
                .orElse("(none)"));
        return Uni.createFrom().item(new SecurityEventNotificationResponse());
    }
}
