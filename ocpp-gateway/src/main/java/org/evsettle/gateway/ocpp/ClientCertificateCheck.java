package org.evsettle.gateway.ocpp;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.HttpUpgradeCheck.HttpUpgradeContext;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.gateway.Admission;
import org.evsettle.gateway.ChargerCertificateAuthority;
import org.evsettle.gateway.ChargerStatus;
import org.evsettle.gateway.IssuedCertificates;
import org.evsettle.gateway.RegistryProjection;

/**
 * Security profile 3 at the handshake, before HTTP Basic: the client certificate a charger presents
 * over TLS (the gateway requests one, it does not require one, so profile-2 chargers share the port).
 * A certificate admits the charger it names when the charger CA signed it, it is within its validity,
 * the certificates table knows it for this charger and it is not revoked: no password is needed then.
 * Any other certificate is refused (401), and so is a charger without one while a certificate of
 * its is in force (from its first connect with it): from then on Basic alone no longer admits it.
 * Without a certificate and without one in force, Basic decides ({@link ChargerHandshake}).
 */
@ApplicationScoped
public class ClientCertificateCheck {

    /** The serial of the certificate a connection was admitted with, so that revoking it closes the socket. */
    public static final TypedKey<String> CERTIFICATE_SERIAL = new TypedKey<>("evsettle.certificate-serial");

    /** What the certificate check decided: admitted by certificate, refused, left to Basic, or undecided (the database failed). */
    public enum Verdict {
        ADMITTED, REFUSED, BASIC, UNAVAILABLE
    }

    private final ChargerCertificateAuthority ca;
    private final IssuedCertificates certificates;
    private final RegistryProjection registry;
    private final Clock clock;

    public ClientCertificateCheck(ChargerCertificateAuthority ca, IssuedCertificates certificates,
                                  RegistryProjection registry, Clock clock) {
        this.ca = ca;
        this.certificates = certificates;
        this.registry = registry;
        this.clock = clock;
    }

    public Uni<Verdict> check(HttpUpgradeContext context, String chargePointId) {
        if (!ca.enabled()) {
            return Uni.createFrom().item(Verdict.BASIC);
        }
        Instant now = clock.instant();
        Optional<X509Certificate> presented = presented(context.httpRequest().sslSession());
        if (presented.isEmpty()) {
            return blocking(() -> {
                if (certificates.anyInForce(chargePointId, now)) {
                    Log.debugf("Refused %s: it has a client certificate in force but presented none", chargePointId);
                    return Verdict.REFUSED;
                }
                return Verdict.BASIC;
            });
        }
        X509Certificate certificate = presented.get();
        Optional<String> problem = ca.problemWith(certificate, now)
                .or(() -> ChargerCertificateAuthority.commonName(certificate).filter(chargePointId::equals).isPresent()
                        ? Optional.empty() : Optional.of("issued to another charger"))
                .or(() -> registry.charger(chargePointId).filter(ClientCertificateCheck::mayConnect).isPresent()
                        ? Optional.empty() : Optional.of("not a registered charger that may connect"));
        if (problem.isPresent()) {
            Log.debugf("Refused %s: its client certificate is %s", chargePointId, problem.get());
            return Uni.createFrom().item(Verdict.REFUSED);
        }
        String serial = ChargerCertificateAuthority.serialOf(certificate);
        String fingerprint = ChargerCertificateAuthority.fingerprint(certificate);
        return blocking(() -> {
            Optional<IssuedCertificates.Issued> issued = certificates.find(serial)
                    .filter(known -> known.chargePointId().equals(chargePointId) && known.fingerprint().equals(fingerprint));
            if (issued.isEmpty() || issued.get().revokedAt() != null) {
                Log.debugf("Refused %s: client certificate %s is %s", chargePointId, serial,
                        issued.isEmpty() ? "unknown" : "revoked");
                return Verdict.REFUSED;
            }
            if (issued.get().firstUsedAt() == null) {
                Log.infof("%s connected with its new client certificate %s: Basic alone no longer admits it",
                        chargePointId, serial);
                certificates.used(chargePointId, serial, now);
            }
            context.userData().put(CERTIFICATE_SERIAL, serial);
            context.userData().put(ChargerHandshake.ADMISSION, Admission.registered(chargePointId));
            return Verdict.ADMITTED;
        });
    }

    private static boolean mayConnect(ChargerRecord charger) {
        return ChargerStatus.ACTIVE.name().equals(charger.status())
                || ChargerStatus.PENDING_APPROVAL.name().equals(charger.status());
    }

    private static Optional<X509Certificate> presented(SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Optional.of(leaf) : Optional.empty();
        } catch (SSLPeerUnverifiedException none) {
            return Optional.empty();
        }
    }

    /** Runs a database lookup on a worker thread and goes back to the handshake's event loop with its result. */
    private static Uni<Verdict> blocking(Supplier<Verdict> lookup) {
        Context context = Vertx.currentContext();
        Executor caller = context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
        return Uni.createFrom().item(lookup)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Cannot check a client certificate now: %s", failure.toString());
                    return Verdict.UNAVAILABLE;
                })
                .emitOn(caller);
    }
}
