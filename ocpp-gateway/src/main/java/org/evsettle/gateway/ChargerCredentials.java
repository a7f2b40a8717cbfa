package org.evsettle.gateway;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.OcppPasswordHash;

/**
 * Checks the password a charger presents at the handshake against the hash in the registry: only
 * registered ACTIVE chargers get in. Hashing costs tens of milliseconds, so it runs on a worker
 * thread and successes are remembered, keyed by the chargePointId, a SHA-256 of the presented
 * password and the stored hash: a reconnect is cheap, and a new password (a new hash) is checked afresh.
 */
@ApplicationScoped
public class ChargerCredentials {

    private final RegistryProjection registry;
    private final int cacheSize;
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    public ChargerCredentials(RegistryProjection registry,
                              @ConfigProperty(name = "evsettle.gateway.credential-cache-size", defaultValue = "100000")
                              int cacheSize) {
        this.registry = registry;
        this.cacheSize = cacheSize;
    }

    /** Emits true when the charger is registered, ACTIVE and the password matches its hash. */
    public Uni<Boolean> verify(String chargePointId, String password) {
        Optional<ChargerRecord> charger = registry.charger(chargePointId)
                .filter(c -> ChargerStatus.ACTIVE.name().equals(c.status()));
        if (charger.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        String storedHash = charger.get().ocppPasswordHash();
        String key = chargePointId + '\n' + sha256(password) + '\n' + storedHash;
        if (verified.containsKey(key)) {
            return Uni.createFrom().item(true);
        }
        return Uni.createFrom().item(() -> OcppPasswordHash.matches(password, storedHash))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(matches -> {
                    if (matches) {
                        remember(key);
                    }
                });
    }

    private void remember(String key) {
        if (verified.size() >= cacheSize) {
            verified.clear(); // rare; a cold cache only costs one hash per charger
        }
        verified.put(key, Boolean.TRUE);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
