package org.evsettle.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.evsettle.events.ocpp.ChargerCommandAnswered;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.CallSender;
import org.evsettle.gateway.ocpp.ClientCertificateCheck;
import org.evsettle.gateway.ocpp.OcppJson;
import org.evsettle.gateway.ocpp.v16.Ocpp16Command;
import org.evsettle.kit.api.DomainException;

/**
 * Security profile 3, chosen per charger: an operator asks for a certificate (ExtendedTriggerMessage
 * SignChargePointCertificate, through whichever replica holds the socket); the charger's
 * SignCertificate is signed when its CSR passes the CA's checks and an operator asked for it, or the
 * charger renews a certificate of ours that is still valid; the chain goes back with
 * CertificateSigned. A revoked certificate admits nobody any more, and a socket it admitted is closed
 * (1008): at once on the replica that revoked it, within one replica heartbeat on the others. A
 * certificate in force that ends within {@code charger-ca.renew-before} is renewed by the gateway
 * itself: the replica holding the socket it admitted asks the charger for a new CSR, at most once a
 * day ({@link #RENEWAL_ASKED_AGAIN}), until the charger connects with the new certificate.
 */
@ApplicationScoped
public class ChargerCertificates {

    public static final CloseReason REVOKED = new CloseReason(1008, "Client certificate revoked");
    /** How long the gateway waits before it asks a charger again to renew a certificate that ends soon. */
    static final Duration RENEWAL_ASKED_AGAIN = Duration.ofDays(1);

    private final ChargerCertificateAuthority ca;
    private final IssuedCertificates certificates;
    private final ChargerCommands commands;
    private final CallSender sender;
    private final ChargerConnections connections;
    private final Clock clock;
    private final Duration callTimeout;
    private final Duration sweepInterval;
    private final Duration renewBefore;
    /** When this replica last asked a charger to renew, by the serial of the certificate to renew. */
    private final Map<String, Instant> renewalAsked = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public ChargerCertificates(ChargerCertificateAuthority ca, IssuedCertificates certificates, ChargerCommands commands,
                               CallSender sender, ChargerConnections connections, Clock clock, GatewaySettings settings) {
        this.ca = ca;
        this.certificates = certificates;
        this.commands = commands;
        this.sender = sender;
        this.connections = connections;
        this.clock = clock;
        this.callTimeout = settings.commandTimeout();
        this.sweepInterval = settings.replicaHeartbeat();
        this.renewBefore = settings.chargerCa().renewBefore();
    }

    void start(@Observes StartupEvent startup) {
        if (!ca.enabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "certificate-revocations");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweep, sweepInterval.toMillis(), sweepInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /**
     * An operator's request (blocking: it writes the request first): the charger is asked to send a CSR;
     * the answer is the trigger's outcome. 409 when the gateway has no charger CA.
     */
    public Uni<ChargerCommandAnswered> request(String chargePointId, UUID operatorId, String requestedBy) {
        requireCa();
        certificates.requested(chargePointId, requestedBy, clock.instant());
        ObjectNode trigger = OcppJson.mapper().createObjectNode().put("requestedMessage", "SignChargePointCertificate");
        return commands.request(commands.command(chargePointId, operatorId, Ocpp16Command.ExtendedTriggerMessage, trigger,
                requestedBy, Optional.empty()));
    }

    /** The charger's certificates, newest first (blocking). */
    public List<IssuedCertificates.Issued> of(String chargePointId) {
        return certificates.of(chargePointId);
    }

    /**
     * Whether to accept a charger's SignCertificate (blocking): the CSR passes the CA's checks, and an
     * operator asked for a certificate or the charger renews one of ours. The CSR to sign, or empty.
     */
    public Optional<PKCS10CertificationRequest> accept(String chargePointId, Admission admission, String csrPem) {
        if (!ca.enabled() || admission.enrolling()) {
            Log.debugf("Rejected SignCertificate of %s: %s", chargePointId,
                    ca.enabled() ? "an enrolling charger" : "no charger CA on this gateway");
            return Optional.empty();
        }
        PKCS10CertificationRequest csr;
        try {
            csr = ca.checkCsr(csrPem, chargePointId);
        } catch (ChargerCertificateAuthority.CsrRefused refused) {
            Log.infof("Rejected SignCertificate of %s: the CSR is %s", chargePointId, refused.getMessage());
            return Optional.empty();
        }
        if (!certificates.maySign(chargePointId, clock.instant())) {
            Log.infof("Rejected SignCertificate of %s: no operator asked for a certificate and it holds none to renew",
                    chargePointId);
            return Optional.empty();
        }
        return Optional.of(csr);
    }

    /** Signs an accepted CSR, records the certificate and sends it with CertificateSigned (blocking). */
    public Uni<CallOutcome> issue(String chargePointId, PKCS10CertificationRequest csr) {
        X509Certificate certificate = ca.sign(csr, chargePointId);
        String serial = ChargerCertificateAuthority.serialOf(certificate);
        Instant now = clock.instant();
        certificates.issued(chargePointId, certificate, ChargerCertificateAuthority.pem(certificate), now);
        Log.infof("Issued client certificate %s to %s, valid until %s", serial, chargePointId,
                certificate.getNotAfter().toInstant());
        ObjectNode signed = OcppJson.mapper().createObjectNode().put("certificateChain", ca.chainPem(certificate));
        return sender.send(chargePointId, UUID.randomUUID().toString(), "CertificateSigned", signed, now.plus(callTimeout))
                .invoke(outcome -> {
                    boolean accepted = outcome.outcome() == CallOutcome.Kind.ANSWERED
                            && "Accepted".equals(outcome.response().path("status").asText());
                    if (outcome.outcome() == CallOutcome.Kind.ANSWERED && !accepted) {
                        // never in force: the charger does not hold it
                        certificates.revoke(chargePointId, serial, "refused by the charger", clock.instant());
                        Log.infof("%s refused its client certificate %s", chargePointId, serial);
                    } else if (!accepted) {
                        Log.infof("CertificateSigned %s to %s: %s (the certificate comes in force only once used)",
                                serial, chargePointId, outcome.outcome());
                    }
                });
    }

    /** Revokes a certificate of this charger and closes a socket of this replica it admitted (blocking); false when unknown. */
    public boolean revoke(String chargePointId, String serial, String revokedBy) {
        String normalized = serial.toLowerCase(java.util.Locale.ROOT);
        if (!certificates.revoke(chargePointId, normalized, "revoked by " + revokedBy, clock.instant())) {
            return false;
        }
        Log.infof("Client certificate %s of %s revoked by %s", normalized, chargePointId, revokedBy);
        connections.held(chargePointId)
                .filter(held -> normalized.equals(held.socket().userData().get(ClientCertificateCheck.CERTIFICATE_SERIAL)))
                .ifPresent(held -> close(chargePointId, held.socket()));
        return true;
    }

    /** Closes the sockets whose certificate was revoked, and asks for renewals. Never throws. */
    void sweep() {
        try {
            Map<String, String> serials = heldSerials();
            closeRevoked(serials);
            renewEnding(serials);
        } catch (RuntimeException e) {
            Log.warnf("Could not look for revoked or ending client certificates, retrying: %s", e.toString());
        }
    }

    /** The serials of the certificates that admitted this replica's sockets, to their chargePointIds. */
    private Map<String, String> heldSerials() {
        Map<String, String> serials = new HashMap<>();
        for (String chargePointId : connections.chargePointIds()) {
            connections.held(chargePointId).map(held -> held.socket().userData()
                            .get(ClientCertificateCheck.CERTIFICATE_SERIAL))
                    .ifPresent(serial -> serials.put(serial, chargePointId));
        }
        return serials;
    }

    /** Closes the sockets this replica holds whose certificate another replica (or this one) revoked. */
    private void closeRevoked(Map<String, String> serials) {
        for (String serial : certificates.revokedAmong(serials.keySet())) {
            String chargePointId = serials.get(serial);
            connections.held(chargePointId)
                    .filter(held -> serial.equals(held.socket().userData().get(ClientCertificateCheck.CERTIFICATE_SERIAL)))
                    .ifPresent(held -> close(chargePointId, held.socket()));
        }
    }

    /**
     * Asks each charger whose socket here was admitted by a certificate that ends within
     * {@code renew-before} for a new CSR (its SignCertificate is signed as a renewal), once a day at most.
     */
    private void renewEnding(Map<String, String> serials) {
        renewalAsked.keySet().retainAll(serials.keySet());
        Instant now = clock.instant();
        for (String serial : certificates.endingAmong(serials.keySet(), now.plus(renewBefore))) {
            Instant asked = renewalAsked.get(serial);
            if (asked != null && asked.plus(RENEWAL_ASKED_AGAIN).isAfter(now)) {
                continue;
            }
            renewalAsked.put(serial, now);
            String chargePointId = serials.get(serial);
            Log.infof("Asking %s to renew its client certificate %s, which ends within %s", chargePointId, serial,
                    renewBefore);
            ObjectNode trigger = OcppJson.mapper().createObjectNode().put("requestedMessage", "SignChargePointCertificate");
            sender.send(chargePointId, UUID.randomUUID().toString(), "ExtendedTriggerMessage", trigger,
                            now.plus(callTimeout))
                    .subscribe().with(outcome -> Log.debugf("%s answered the renewal trigger: %s", chargePointId,
                            outcome.outcome()), failure -> Log.debugf("Renewal trigger to %s failed: %s", chargePointId,
                            failure.toString()));
        }
    }

    private static void close(String chargePointId, WebSocketConnection socket) {
        Log.infof("Closing %s's connection %s: its client certificate was revoked", chargePointId, socket.id());
        socket.close(REVOKED).subscribe().with(done -> { }, failure -> { });
    }

    private void requireCa() {
        if (!ca.enabled()) {
            throw DomainException.conflict("Security profile 3 is not configured on this gateway: it has no charger CA "
                    + "(evsettle.gateway.charger-ca.*)");
        }
    }
}
