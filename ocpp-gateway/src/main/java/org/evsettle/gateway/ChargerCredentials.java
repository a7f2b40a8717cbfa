package org.evsettle.gateway;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * Checks the password a charger presents at the handshake. A registered charger (ACTIVE, or
 * PENDING_APPROVAL) must present the password whose hash the registry holds; a DECOMMISSIONED one
 * never gets in. A charger the registry does not know gets in only with the enrollment key of an
 * operator that accepts unknown chargers (the key is high-entropy, so its plain SHA-256 identifies
 * the operator). A generated password is stored with the fast hash and checked at once, on the
 * caller's thread. A password a person chose is stored with PBKDF2, which costs tens of
 * milliseconds: that check runs on threads of its own with a bounded backlog (beyond it the charger
 * is asked to come back later, {@link Busy}, rather than queued past its own timeout), and successes
 * are remembered, keyed by the chargePointId, a SHA-256 of the presented password and the stored
 * hash: a reconnect is cheap, and a new password (a new hash) is checked afresh.
 */
@ApplicationScoped
public class ChargerCredentials {

    private final RegistryProjection registry;
    private final EnrollmentPolicy enrollment;
    private final int cacheSize;
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();
    /** Hashing has threads of its own: a storm of reconnects must not starve the transaction messages' JDBC. */
    private final ExecutorService hashing;

    /** Too many costly checks are waiting: the charger should retry later. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("Too many password checks in progress", null, false, false);
        }
    }

    public ChargerCredentials(RegistryProjection registry, GatewaySettings settings) {
        this(registry, new EnrollmentPolicy(registry, new IssuedPasswords(), new SimpleMeterRegistry()), settings);
    }

    @Inject
    public ChargerCredentials(RegistryProjection registry, EnrollmentPolicy enrollment, GatewaySettings settings) {
        this.registry = registry;
        this.enrollment = enrollment;
        this.cacheSize = settings.credentialCacheSize();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.hashing = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.credentialCheckBacklog()),
                task -> {
                    Thread thread = new Thread(task, "credential-check");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Emits true when the charger is registered, ACTIVE and the password matches its hash. */
    public Uni<Boolean> verify(String chargePointId, String password) {
        return admit(chargePointId, password).map(admission -> admission.isPresent() && !admission.get().enrolling());
    }

    /** Emits why the charger may connect, or empty when it may not; fails with {@link Busy} when overloaded. */
    public Uni<Optional<Admission>> admit(String chargePointId, String password) {
        Optional<ChargerRecord> charger = enrollment.charger(chargePointId, password);
        if (charger.isPresent()) {
            return registered(charger.get(), password);
        }
        String keySha256 = sha256(password);
        Optional<OperatorRecord> operator = enrollment.operatorFor(chargePointId, keySha256);
        if (operator.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        // the key is the operator's generated enrollment key: it keeps the fast hash as the charger's password
        return Uni.createFrom().item(Optional.of(Admission.enrolling(chargePointId, operator.get().id(), keySha256,
                OcppPasswordHash.hashGenerated(password))));
    }

    private Uni<Optional<Admission>> registered(ChargerRecord charger, String password) {
        if (!ChargerStatus.ACTIVE.name().equals(charger.status())
                && !ChargerStatus.PENDING_APPROVAL.name().equals(charger.status())) {
            return Uni.createFrom().item(Optional.empty());
        }
        String storedHash = charger.ocppPasswordHash();
        Optional<Admission> admitted = Optional.of(Admission.registered(charger.chargePointId()));
        if (!OcppPasswordHash.isCostly(storedHash)) {
            return Uni.createFrom().item(OcppPasswordHash.matches(password, storedHash) ? admitted : Optional.empty());
        }
        String key = charger.chargePointId() + '\n' + sha256(password) + '\n' + storedHash;
        if (verified.containsKey(key)) {
            return Uni.createFrom().item(admitted);
        }
        return Uni.createFrom().<Boolean>emitter(emitter -> {
            Executor caller = callersContext();
            try {
                hashing.execute(() -> {
                    boolean matches = OcppPasswordHash.matches(password, storedHash);
                    caller.execute(() -> emitter.complete(matches));
                });
            } catch (RejectedExecutionException e) {
                emitter.fail(new Busy());
            }
        }).map(matches -> {
            if (matches) {
                remember(key);
                return admitted;
            }
            return Optional.<Admission>empty();
        });
    }
    private void remember(String key) {
        if (verified.size() >= cacheSize) {
            verified.clear(); // rare; a cold cache only costs one hash per charger
        }
        verified.put(key, Boolean.TRUE);
    }

    /** The result of a costly check goes back to the event loop the handshake came in on. */
    private static Executor callersContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }

    /** Lower-case hex SHA-256 of a text, as the registry stores an enrollment key. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
