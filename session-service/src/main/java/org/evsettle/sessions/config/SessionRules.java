package org.evsettle.sessions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The thresholds of the anomaly rules and of charging versus idle time, from
 * {@code evsettle.sessions.*}: the registry knows no connector power yet, so the maximum a connector
 * delivers is configured, with a default for every charger and an override per chargePointId. Also
 * whether sessions at OCPP 2.0.1 stations publish their progress for the running cost.
 */
@ConfigMapping(prefix = "evsettle.sessions")
public interface SessionRules {

    /** An open session with no stop this long after its start (charger's clock and arrival) is stale. */
    @WithDefault("PT24H")
    Duration staleAfter();

    /** How often open sessions are checked for staleness (a scheduler interval such as 5m). */
    @WithDefault("5m")
    String staleCheckEvery();

    /** A charger timestamp this far after the moment the gateway received the message is in the future. */
    @WithDefault("PT5M")
    Duration futureTolerance();

    /** What a connector delivers at most, in kW, unless its charger has its own entry below (22 kW: AC three-phase 32 A). */
    @WithDefault("22")
    BigDecimal maxPowerKw();

    /** Per chargePointId: the maximum power of its connectors in kW (a DC charger, a 7.4 kW single-phase one). */
    Map<String, BigDecimal> chargerMaxPowerKw();

    /** Energy over time may exceed the maximum by this factor before it is implausible (meter and clock precision). */
    @WithDefault("1.1")
    BigDecimal powerTolerance();

    /**
     * A step of the register between two consecutive readings of a session faster than this (kW) is no energy
     * delivered but a changed meter (400 kW: above any connector, so clock jitter between samples never reaches it).
     */
    @WithDefault("400")
    BigDecimal registerJumpKw();

    /** The shortest stretch over which power is judged: shorter ones say more about clocks than about power. */
    @WithDefault("PT5M")
    Duration powerWindow();

    /** How far a register sample may lie outside meterStart..meterStop (a kWh value with fewer decimals) before it disagrees. */
    @WithDefault("100")
    long registerToleranceWh();

    /** Active import power at or below this (W) counts as idle: the car is connected but draws nothing worth billing. */
    @WithDefault("100")
    long idlePowerW();

    /** The running cost on an OCPP 2.0.1 station's display ({@code running-cost.enabled}). */
    RunningCost runningCost();

    /** Whether a session charging at an OCPP 2.0.1 station publishes SessionProgressed at each newer reading. */
    interface RunningCost {

        @WithDefault("true")
        boolean enabled();
    }

    /** The maximum power of a charger's connectors in W. */
    default BigDecimal maxPowerW(String chargePointId) {
        BigDecimal kw = chargePointId == null ? null : chargerMaxPowerKw().get(chargePointId);
        return (kw == null ? maxPowerKw() : kw).multiply(BigDecimal.valueOf(1000));
    }
}
