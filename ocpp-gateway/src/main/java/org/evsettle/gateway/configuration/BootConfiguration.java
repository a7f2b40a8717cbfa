package org.evsettle.gateway.configuration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.ChargerSettings;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.gateway.EnrollmentPolicy;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.config.GatewaySettings;
import org.evsettle.gateway.configuration.KeyOutcome.Result;
import org.evsettle.gateway.ocpp.CallOutcome;
import org.evsettle.gateway.ocpp.CallSender;
import org.jboss.logging.Logger;

/**
 * The billing configuration of an accepted boot, whatever the charger's OCPP version: it runs when configuration
 * at boot is on, for a known charger whose boot matches a {@link ChargerProfile}, with what that profile wants with
 * its operator's {@link ChargerSettings}, one at a time per charger, its first CALL once the boot's answer went out.
 * A charger still on its operator's enrollment key gets its own password first ({@code PasswordIssuer}) and is
 * configured when it boots again with it. The outcomes replace the last boot's in {@link ConfigurationOutcomes},
 * each counted in {@code ocpp_charger_configuration_keys_total{result}}, and are logged in the words of the
 * charger's version. A value refused before is not sent again until the wanted value changes.
 */
@ApplicationScoped
class BootConfiguration {

    /** The boot's answer goes out first, as for the password. */
    private static final Duration AFTER_BOOT = Duration.ofMillis(200);

    private final boolean enabled;
    private final ChargerProfiles profiles;
    private final ConfigurationOutcomes outcomes;
    private final EnrollmentPolicy enrollment;
    private final RegistryProjection registry;
    private final CallSender sender;
    private final Clock clock;
    private final Duration timeout;
    private final Duration heartbeat;
    private final MeterRegistry meters;
    private final Set<String> configuring = ConcurrentHashMap.newKeySet();

    BootConfiguration(GatewaySettings settings, ChargerProfiles profiles, ConfigurationOutcomes outcomes,
                      EnrollmentPolicy enrollment, RegistryProjection registry, CallSender sender, Clock clock,
                      MeterRegistry meters) {
        this.enabled = settings.configureAtBoot();
        this.profiles = profiles;
        this.outcomes = outcomes;
        this.enrollment = enrollment;
        this.registry = registry;
        this.sender = sender;
        this.clock = clock;
        this.timeout = settings.commandTimeout();
        this.heartbeat = settings.heartbeatInterval();
        this.meters = meters;
    }

    /** The CALLs of one OCPP version that bring a charger to the wanted values, and the outcome per key. */
    @FunctionalInterface
    interface Exchange {
        Uni<List<KeyOutcome>> configure(String chargePointId, ChargerProfile profile, Map<BillingKey, String> wanted);
    }

    /**
     * What the log says of a configuration, under its version's configurator: {@code failed} (WARN) when it broke
     * off, {@code configured} (INFO) when a value was sent at this boot, {@code checked} (DEBUG) otherwise; without
     * {@code configured} the check is said at DEBUG either way. Each takes the charger and then the profile and the
     * results, or the failure.
     */
    record Wording(Logger log, String failed, String checked, String configured) {
    }

    /** Called once a boot was answered Accepted, with what the boot said; returns at once. */
    void booted(String chargePointId, String vendor, String model, String firmwareVersion, Wording wording,
                Exchange exchange) {
        Optional<ChargerRecord> charger = enrollment.charger(chargePointId);
        if (!enabled || charger.isEmpty() || charger.get().onEnrollmentKey()) {
            return; // on the key: the password comes first, the profile at the boot with the new password
        }
        Optional<ChargerProfile> profile = profiles.of(vendor, model, firmwareVersion);
        if (profile.isEmpty() || !configuring.add(chargePointId)) {
            return;
        }
        ChargerSettings settings = registry.operator(charger.get().operatorId()).map(OperatorRecord::chargerSettings)
                .orElse(ChargerSettings.DEFAULT);
        exchange.configure(chargePointId, profile.get(), profile.get().wanted(settings, heartbeat))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(done -> recorded(chargePointId, profile.get(), done, wording))
                .onTermination().invoke(() -> configuring.remove(chargePointId))
                .subscribe().with(done -> { }, failure -> wording.log().warnf(wording.failed(), chargePointId,
                        failure.toString()));
    }

    /** The configuration's first CALL, once the boot's answer went out; its answer on a worker thread. */
    Uni<CallOutcome> afterBoot(String chargePointId, String action, ObjectNode payload) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(AFTER_BOOT)
                .chain(() -> call(chargePointId, action, payload))
                .emitOn(Infrastructure.getDefaultWorkerPool());
    }

    /** A CALL of the configuration, answered within the command timeout. */
    Uni<CallOutcome> call(String chargePointId, String action, ObjectNode payload) {
        return sender.send(chargePointId, UUID.randomUUID().toString(), action, payload, clock.instant().plus(timeout));
    }

    /** The charger's outcomes of its last boot by key. Blocking: from a worker thread. */
    Map<String, KeyOutcome> before(String chargePointId) {
        return outcomes.of(chargePointId);
    }

    Instant now() {
        return clock.instant();
    }

    private void recorded(String chargePointId, ChargerProfile profile, List<KeyOutcome> done, Wording wording) {
        outcomes.replace(chargePointId, done);
        done.forEach(outcome -> meters.counter("ocpp.charger.configuration.keys",
                "result", outcome.result().name()).increment());
        // INFO only when something was sent: an unchanged charger boots often and says nothing new
        boolean sent = wording.configured() != null && done.stream().anyMatch(BootConfiguration::sentNow);
        Map<Result, Long> results = done.stream()
                .collect(Collectors.groupingBy(KeyOutcome::result, TreeMap::new, Collectors.counting()));
        if (sent) {
            wording.log().infof(wording.configured(), chargePointId, profile.name(), results);
        } else {
            wording.log().debugf(wording.checked(), chargePointId, profile.name(), results);
        }
    }

    /** Whether this outcome comes from a value sent at this boot. */
    private static boolean sentNow(KeyOutcome outcome) {
        return outcome.sentAt() != null && outcome.sentAt().equals(outcome.checkedAt());
    }

    /** Whether the charger refused this same value when it was last sent: not sent again until it changes. */
    static boolean refusedBefore(KeyOutcome prior, String wanted) {
        return prior != null && prior.result().isRefusal() && prior.sentAt() != null
                && prior.wantedValue().equals(wanted);
    }

    /** When this same value was last sent; null when it was not, or another value was. */
    static Instant sentBefore(KeyOutcome prior, String wanted) {
        return prior != null && prior.wantedValue().equals(wanted) ? prior.sentAt() : null;
    }

    /**
     * The result of a change's status (ChangeConfiguration, or a SetVariables result): NOT_SUPPORTED for 1.6's
     * NotSupported and 2.0.1's UnknownComponent, UnknownVariable and NotSupportedAttributeType.
     */
    static Result changed(String status) {
        return switch (status) {
            case "Accepted" -> Result.ACCEPTED;
            case "RebootRequired" -> Result.REBOOT_REQUIRED;
            case "Rejected" -> Result.REJECTED;
            default -> Result.NOT_SUPPORTED;
        };
    }

    /** Why a CALL has no usable answer; empty when the charger answered. */
    static Optional<String> failureOf(CallOutcome outcome) {
        return switch (outcome.outcome()) {
            case ANSWERED -> outcome.response() == null ? Optional.of("an empty answer") : Optional.empty();
            case CALL_ERROR -> Optional.of("answered CALLERROR " + outcome.errorCode());
            case TIMED_OUT -> Optional.of("no answer in time");
            case NOT_CONNECTED -> Optional.of("disconnected before it answered");
            case REFUSED -> Optional.of("not sent");
        };
    }
}
