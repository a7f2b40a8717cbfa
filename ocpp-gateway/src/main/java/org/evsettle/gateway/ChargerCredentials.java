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
import java.time.Duration;
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
 * caller's thread. A password a person chose is stored with PBKDF2, which costs about a hundred
 * milliseconds or more: that check runs on threads of its own with a bounded backlog (beyond it the charger
 * is asked to come back later, {@link Busy}, rather than queued past its own timeout), and successes
 * are remembered, keyed by the chargePointId, a SHA-256 of the presented password and the stored
 * hash: a reconnect is cheap, and a new password (a new hash) is checked afresh.
 * <p>
 * Every refusal costs the same: one PBKDF2 check, of the stored hash or, for an unknown or
 * decommissioned charger and a wrong generated password, of a dummy hash of today's cost, so that
 * neither the status nor the time of the answer tells which chargePointIds exist. Refusals are
 * remembered too (the same key, bounded), so a charger stuck on an old password costs one hash, not
 * one per retry; and the checks that may fail are limited per remote address and per chargePointId,
 * enrolments per key and per address ({@link HandshakeLimiter}): beyond a limit the attempt fails
 * with {@link Limited} without a hash.
 */
@ApplicationScoped
public class ChargerCredentials {

    private final RegistryProjection registry;
    private final EnrollmentPolicy enrollment;
    private final int cacheSize;
    private final int failureCacheSize;
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refused = new ConcurrentHashMap<>();
    private final HandshakeLimiter limits;
    /** Hashing has threads of its own: a storm of reconnects must not starve the transaction messages' JDBC. */
    private final ExecutorService hashing;

    /** Too many costly checks are waiting: the charger should retry later. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("Too many password checks in progress", null, false, false);
        }
    }

    /** Too many failed checks (or enrolments) from this address, for this chargePointId or with this key. */
    public static final class Limited extends RuntimeException {
        private final Duration retryAfter;

        Limited(Duration retryAfter) {
            super("Too many failed handshakes", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** How a PBKDF2 hash of today's cost begins. */
    private static final String TODAYS_COST = "pbkdf2-sha256$" + OcppPasswordHash.ITERATIONS + "$";

    /** A PBKDF2 hash of a password nobody knows, at today's cost: what an unknown charger is checked against. */
    private static final class DummyHash {
        static final String VALUE = OcppPasswordHash.hash(OcppPasswordHash.generatePassword());
    }

    public ChargerCredentials(RegistryProjection registry, GatewaySettings settings) {
        this(registry, new EnrollmentPolicy(registry, new IssuedPasswords(), new SimpleMeterRegistry()), settings);
    }

    @Inject
    public ChargerCredentials(RegistryProjection registry, EnrollmentPolicy enrollment, GatewaySettings settings) {
        this.registry = registry;
        this.enrollment = enrollment;
        this.cacheSize = settings.credentialCacheSize();
        this.failureCacheSize = settings.credentialFailureCacheSize();
        this.limits = new HandshakeLimiter(settings.handshakeLimits(), System::nanoTime);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.hashing = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.credentialCheckBacklog()),
                task -> {
                    Thread thread = new Thread(task, "credential-check");
                    thread.setDaemon(true);
                    return thread;
                });
        // the dummy hash is made once, off the caller's thread, before the first refusal needs it
        hashing.execute(() -> DummyHash.VALUE.length());
    }

    /** Emits true when the charger is registered, ACTIVE and the password matches its hash. */
    public Uni<Boolean> verify(String chargePointId, String password, String remoteAddress) {
        return admit(chargePointId, password, remoteAddress)
                .map(admission -> admission.isPresent() && !admission.get().enrolling());
    }

    /**
     * Emits why the charger may connect, or empty when it may not; fails with {@link Busy} when
     * overloaded and with {@link Limited} beyond a limit of failures or enrolments.
     */
    public Uni<Optional<Admission>> admit(String chargePointId, String password, String remoteAddress) {
        Optional<ChargerRecord> charger = enrollment.charger(chargePointId, password);
        if (charger.isPresent()) {
            return registered(charger.get(), password, remoteAddress);
        }
        String keySha256 = sha256(password);
        Optional<OperatorRecord> operator = enrollment.operatorFor(chargePointId, keySha256);
        if (operator.isEmpty()) {
            return refusal(chargePointId, password, "unknown", remoteAddress);
        }
        Optional<Duration> wait = limits.takeEnrolment(keySha256, remoteAddress);
        if (wait.isPresent()) {
            return Uni.createFrom().failure(new Limited(wait.get()));
        }
        // the key is the operator's generated enrollment key: it keeps the fast hash as the charger's password
        return Uni.createFrom().item(Optional.of(Admission.enrolling(chargePointId, operator.get().id(), keySha256,
                OcppPasswordHash.hashGenerated(password))));
    }

    private Uni<Optional<Admission>> registered(ChargerRecord charger, String password, String remoteAddress) {
        String storedHash = charger.ocppPasswordHash();
        if (!ChargerStatus.ACTIVE.name().equals(charger.status())
                && !ChargerStatus.PENDING_APPROVAL.name().equals(charger.status())) {
            return refusal(charger.chargePointId(), password, charger.status() + '\n' + storedHash, remoteAddress);
        }
        Optional<Admission> admitted = Optional.of(Admission.registered(charger.chargePointId()));
        if (!OcppPasswordHash.isCostly(storedHash)) {
            return OcppPasswordHash.matches(password, storedHash) ? Uni.createFrom().item(admitted)
                    : refusal(charger.chargePointId(), password, storedHash, remoteAddress);
        }
        String key = charger.chargePointId() + '\n' + sha256(password) + '\n' + storedHash;
        if (verified.containsKey(key)) {
            return Uni.createFrom().item(admitted);
        }
        if (refused.containsKey(key)) {
            return Uni.createFrom().item(Optional.empty());
        }
        Optional<Duration> wait = limits.checkAllowed(remoteAddress, charger.chargePointId());
        if (wait.isPresent()) {
            return Uni.createFrom().failure(new Limited(wait.get()));
        }
        return hashed(password, storedHash).map(matches -> {
            if (matches) {
                remember(verified, key, cacheSize);
                return admitted;
            }
            limits.checkFailed(remoteAddress, charger.chargePointId());
            remember(refused, key, failureCacheSize);
            return Optional.<Admission>empty();
        });
    }

    /**
     * A refusal that costs what a wrong PBKDF2 password costs (a check of the dummy hash), under the
     * same limits, and is remembered: unknown, decommissioned and wrong look alike in time.
     */
    private Uni<Optional<Admission>> refusal(String chargePointId, String password, String stored, String remoteAddress) {
        String key = chargePointId + '\n' + sha256(password) + '\n' + stored;
        if (refused.containsKey(key)) {
            return Uni.createFrom().item(Optional.empty());
        }
        Optional<Duration> wait = limits.checkAllowed(remoteAddress, chargePointId);
        if (wait.isPresent()) {
            return Uni.createFrom().failure(new Limited(wait.get()));
        }
        return hashed(password, DummyHash.VALUE).map(ignored -> {
            limits.checkFailed(remoteAddress, chargePointId);
            remember(refused, key, failureCacheSize);
            return Optional.<Admission>empty();
        });
    }

    /** A PBKDF2 check on the hashing threads; {@link Busy} when the backlog is full. */
    private Uni<Boolean> hashed(String password, String storedHash) {
        return Uni.createFrom().emitter(emitter -> {
            Executor caller = callersContext();
            try {
                hashing.execute(() -> {
                    boolean matches = OcppPasswordHash.matches(password, storedHash);
                    if (!matches && !storedHash.startsWith(TODAYS_COST)) {
                        // a hash of an earlier, lower cost refuses faster than an unknown id: as slow as the dummy
                        OcppPasswordHash.matches(password, DummyHash.VALUE);
                    }
                    caller.execute(() -> emitter.complete(matches));
                });
            } catch (RejectedExecutionException e) {
                emitter.fail(new Busy());
            }
        });
    }

    private static void remember(Map<String, Boolean> cache, String key, int size) {
        if (cache.size() >= size) {
            cache.clear(); // rare; a cold cache only costs one hash per charger
        }
        cache.put(key, Boolean.TRUE);
    }

    /** How many keys the handshake limits track (bounded, whatever the traffic). */
    public int trackedByLimits() {
        return limits.tracked();
    }

    /** How many checks are remembered, verified and refused (bounded by their cache sizes). */
    public int remembered() {
        return verified.size() + refused.size();
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
