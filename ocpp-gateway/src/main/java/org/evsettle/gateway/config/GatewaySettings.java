package org.evsettle.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the gateway treats chargers and commands, from {@code evsettle.gateway.*}: every default is
 * stated here and nowhere else, so {@code application.properties} names a key only to change it.
 */
@ConfigMapping(prefix = "evsettle.gateway")
public interface GatewaySettings {

    /** The longest wait for Kafka's ack before a charger is answered InternalError (and retries). */
    @WithDefault("15S")
    Duration publishTimeout();

    /** Whether chargers offering OCPP 2.0.1 may speak it (their operator must allow it too); else they speak 1.6. */
    @WithDefault("true")
    boolean ocpp201Enabled();

    /** The BootNotification interval of an accepted charger: how often it sends a Heartbeat. */
    @WithDefault("300S")
    Duration heartbeatInterval();

    /** The BootNotification interval of a pending or rejected charger: when it boots again. */
    @WithDefault("60S")
    Duration pendingBootInterval();

    /** A connection without a frame or a pong for this long is closed (1001). */
    @WithDefault("2M")
    Duration silentTimeout();

    /** Whether a card charging at another charger is refused as ConcurrentTx. */
    @WithDefault("true")
    boolean oneTransactionPerCard();

    /** How long an open transaction counts as charging, for ConcurrentTx (a charger may never send its stop). */
    @WithDefault("24H")
    Duration concurrentTxWindow();

    DataTransfer dataTransfer();

    /** The default wait for a command's answer. */
    @WithDefault("30S")
    Duration commandTimeout();

    /** This replica's name among the replicas sharing the database; the host name and a random suffix when absent. */
    Optional<String> replicaId();

    /** How often this replica proves it is alive, keeps its presence and checks for sockets claimed elsewhere. */
    @WithDefault("5S")
    Duration replicaHeartbeat();

    /** How many verified (charger, password, PBKDF2 hash) combinations are remembered. */
    @WithDefault("100000")
    int credentialCacheSize();

    /** How many PBKDF2 checks may wait for a thread; beyond it the handshake answers 503 with Retry-After. */
    @WithDefault("500")
    int credentialCheckBacklog();

    /** How many failed (charger, password, stored hash) checks are remembered, so that a repeat costs no hash. */
    @WithDefault("10000")
    int credentialFailureCacheSize();

    HandshakeLimits handshakeLimits();

    /** Whether a charger is configured for billing after each accepted boot ({@code ChargerConfigurator}). */
    @WithDefault("true")
    boolean configureAtBoot();

    /**
     * Configuration profiles by name, beside the built-in ones of {@code ChargerProfiles} (a name of theirs
     * replaces that one): {@code evsettle.gateway.charger-profiles.<name>.vendor-pattern} and so on.
     */
    Map<String, ChargerProfileSettings> chargerProfiles();

    /**
     * One configuration profile: which chargers it is for (their BootNotification's vendor and model,
     * regular expressions matched whole and case-blind, and the lowest firmware version), in which order
     * profiles are tried (lowest first), which keys it sets and with which measurands and heartbeat.
     */
    interface ChargerProfileSettings {

        String vendorPattern();

        @WithDefault(".*")
        String modelPattern();

        /** The lowest firmware version (dotted numbers) it is for; a charger that reports none never matches. */
        Optional<String> firmwareAtLeast();

        @WithDefault("500")
        int order();

        /** The configuration keys it sets; all six when absent. */
        Optional<List<String>> keys();

        /** The measurands of MeterValuesSampledData and StopTxnSampledData; the energy register when absent. */
        Optional<List<String>> measurands();

        /** HeartbeatInterval; the gateway's heartbeat-interval when absent. */
        Optional<Duration> heartbeatInterval();

        /** Whether its chargers share their installation's load themselves: a site's load limit leaves them out. */
        @WithDefault("false")
        boolean balancesItself();
    }

    /**
     * Token buckets on the handshakes that cost a PBKDF2 check and fail, and on enrolments: each bucket
     * holds up to its burst and gains one token per refill interval. Only failed checks spend a token,
     * so a garage full of chargers behind one address reconnects at once; an attempt beyond a limit
     * is answered 429 without a hash.
     */
    interface HandshakeLimits {

        /** Failed password checks one remote address may make at once. */
        @WithDefault("20")
        int addressBurst();

        /** One more failed check per address after each interval (2 a minute). */
        @WithDefault("30S")
        Duration addressRefill();

        /** Failed password checks for one chargePointId at once, from wherever they come. */
        @WithDefault("10")
        int chargerBurst();

        /** One more failed check per chargePointId after each interval. */
        @WithDefault("60S")
        Duration chargerRefill();

        /** Enrolments (an unknown chargePointId with an enrollment key) one key may admit at once. */
        @WithDefault("100")
        int enrollmentKeyBurst();

        /** One more enrolment per key after each interval. */
        @WithDefault("6S")
        Duration enrollmentKeyRefill();

        /** Enrolments one remote address may make at once. */
        @WithDefault("100")
        int enrollmentAddressBurst();

        /** One more enrolment per address after each interval. */
        @WithDefault("6S")
        Duration enrollmentAddressRefill();

        /**
         * Buckets kept per limit; beyond them the addresses, ids or keys not yet tracked share one
         * bucket, so that memory stays bounded however many an attacker uses.
         */
        @WithDefault("20000")
        int tracked();
    }

    ChargerCa chargerCa();

    /**
     * The platform's charger CA, which signs the client certificates of chargers on security profile 3.
     * Without a certificate and key (files, from a Kubernetes Secret) and without {@code generate},
     * profile 3 is off and chargers authenticate with HTTP Basic only.
     */
    interface ChargerCa {

        /** The CA certificate (PEM). */
        Optional<Path> certificateFile();

        /** The CA's private key (PEM, PKCS#8 or the key pair as OpenSSL writes it). */
        Optional<Path> keyFile();

        /** Make a throw-away CA at start-up when no files are given: for local runs and tests only. */
        @WithDefault("false")
        boolean generate();

        /** How long a charger's certificate is valid. */
        @WithDefault("P365D")
        Duration certificateValidity();

        /**
         * A certificate in force that ends within this is renewed: the replica holding the charger's socket
         * asks it for a new CSR (ExtendedTriggerMessage SignChargePointCertificate), at most once a day,
         * until the charger connects with a new certificate.
         */
        @WithDefault("P30D")
        Duration renewBefore();
    }

    /** Vendor-specific DataTransfer from chargers. */
    interface DataTransfer {

        /** The vendorIds whose DataTransfer is answered Accepted; any other gets UnknownVendorId. */
        Optional<Set<String>> acceptedVendors();
    }
}
