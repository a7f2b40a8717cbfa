package org.evsettle.gateway;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;
import org.evsettle.events.registry.OperatorRecord;

/**
 * Checks the password a charger presents at the handshake. A registered charger (ACTIVE, or
 * PENDING_APPROVAL) must present the password whose hash the registry holds; a DECOMMISSIONED one
 * never gets in. A charger the registry does not know gets in only with the enrollment key of an
 * operator that accepts unknown chargers (the key is high-entropy, so its plain SHA-256 identifies
 * the operator). Hashing a password costs tens of milliseconds, so it runs on threads of its own and
 * successes are remembered, keyed by the chargePointId, a SHA-256 of the presented password and the
 * stored hash: a reconnect is cheap, and a new password (a new hash) is checked afresh.
 */
@ApplicationScoped
public class ChargerCredentials {

    private final RegistryProjection registry;
    private final int cacheSize;
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();
    /** Hashing has threads of its own: a storm of reconnects must not starve the transaction messages' JDBC. */
    private final ExecutorService hashing = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1), task -> {
                Thread thread = new Thread(task, "credential-check");
                thread.setDaemon(true);
                return thread;
            });

    public ChargerCredentials(RegistryProjection registry,
                              @ConfigProperty(name = "evsettle.gateway.credential-cache-size", defaultValue = "100000")
                              int cacheSize) {
        this.registry = registry;
        this.cacheSize = cacheSize;
    }

    /** Emits true when the charger is registered, ACTIVE and the password matches its hash. */
    public Uni<Boolean> verify(String chargePointId, String password) {
        return admit(chargePointId, password).map(admission -> admission.isPresent() && !admission.get().enrolling());
    }

    /** Emits why the charger may connect, or empty when it may not. */
    public Uni<Optional<Admission>> admit(String chargePointId, String password) {
        Optional<ChargerRecord> charger = registry.charger(chargePointId);
        if (charger.isPresent()) {
            return registered(charger.get(), password);
        }
        String keySha256 = sha256(password);
        Optional<OperatorRecord> operator = registry.operatorEnrolling(keySha256);
        if (operator.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Uni.createFrom().item(() -> Optional.of(Admission.enrolling(chargePointId, operator.get().id(), keySha256,
                        OcppPasswordHash.hash(password))))
                .runSubscriptionOn(hashing);
    }

    private Uni<Optional<Admission>> registered(ChargerRecord charger, String password) {
        if (!ChargerStatus.ACTIVE.name().equals(charger.status())
                && !ChargerStatus.PENDING_APPROVAL.name().equals(charger.status())) {
            return Uni.createFrom().item(Optional.empty());
        }
        String storedHash = charger.ocppPasswordHash();
        String key = charger.chargePointId() + '\n' + sha256(password) + '\n' + storedHash;
        Optional<Admission> admitted = Optional.of(Admission.registered(charger.chargePointId()));
        if (verified.containsKey(key)) {
            return Uni.createFrom().item(admitted);
        }
        return Uni.createFrom().item(() -> OcppPasswordHash.matches(password, storedHash))
                .runSubscriptionOn(hashing)
                .map(matches -> {
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
