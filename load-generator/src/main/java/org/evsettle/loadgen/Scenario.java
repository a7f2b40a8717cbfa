package org.evsettle.loadgen;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one run simulates: how many chargers, how fast they connect, how long the run lasts, and
 * the rhythm of each charger (heartbeat, sessions, meter values). Either against a running gateway
 * and Kafka, or against a devstack and gateway the run starts itself. Over TLS ({@code wss://}) with
 * {@code --tls=true} (a gateway the run starts gets a certificate made for the run) or a trust store for
 * a running gateway's certificate ({@code --trust-store}, PEM, PKCS#12 or JKS). With {@code --restart-after}
 * (the {@code storm} preset) the run kills the gateway it started ({@code --restart=kill}, or {@code stop}
 * for a graceful stop) that long after the ramp-up, starts it again, and measures how soon every charger is
 * back; a charger notices a dropped connection and reconnects within {@code --reconnect-within}. With
 * {@code --ocpp201-share} (the {@code mixed} preset: half) that fraction of the fleet are OCPP 2.0.1 stations,
 * offering 2.0.1 before 1.6, spread evenly over the fleet.
 */
public record Scenario(
        String name,
        int chargers,
        Duration duration,
        Duration rampUp,
        Duration heartbeatInterval,
        Duration meterInterval,
        Duration sessionLength,
        Duration idleBetweenSessions,
        boolean startPlatform,
        URI gateway,
        String kafka,
        OptionalLong gatewayPid,
        String gatewayHeap,
        int clients,
        boolean tls,
        Optional<Path> trustStore,
        String trustStorePassword,
        Duration reconnectWithin,
        Optional<Duration> restartAfter,
        boolean restartByKill,
        double ocpp201Share) {

    /** The named presets, each adjustable with {@code --key=value} options. */
    public static Scenario parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --key=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String name = options.getOrDefault("scenario", "smoke");
        Map<String, String> preset = switch (name) {
            // a quick proof that everything works: 200 chargers for a minute, short sessions so that
            // every action (boot, heartbeat, status, authorize, start, meter values, stop) is measured
            case "smoke" -> Map.of("chargers", "200", "duration", "60s", "ramp-up", "10s", "meter-interval", "15s",
                    "session-length", "40s", "idle", "10s", "heartbeat-interval", "30s");
            // the realistic target: 10,000 chargers held, meter values every minute, Authorize latency under load
            case "fleet" -> Map.of("chargers", "10000", "duration", "10m", "ramp-up", "3m", "meter-interval", "60s",
                    "session-length", "45m", "idle", "5m");
            // transaction throughput: 10,000 chargers sending meter values every 3 s (about 3,300 per second)
            case "throughput" -> Map.of("chargers", "10000", "duration", "5m", "ramp-up", "3m", "meter-interval", "3s",
                    "session-length", "30m", "idle", "10s");
            // a reconnect storm: the fleet connected, then the gateway killed (kill -9) and started again; every
            // charger reconnects within 30 s of noticing, as chargers do, and sends its unanswered messages again
            case "storm" -> Map.of("chargers", "10000", "duration", "5m", "ramp-up", "3m", "meter-interval", "60s",
                    "session-length", "45m", "idle", "5m", "restart-after", "1m");
            // the fleet with half of it OCPP 2.0.1 stations (offering 2.0.1 and 1.6), half 1.6 chargers
            case "mixed" -> Map.of("chargers", "10000", "duration", "10m", "ramp-up", "3m", "meter-interval", "60s",
                    "session-length", "45m", "idle", "5m", "ocpp201-share", "0.5");
            default -> throw new IllegalArgumentException("Unknown scenario " + name
                    + " (smoke, fleet, throughput, storm, mixed)");
        };
        Map<String, String> merged = new HashMap<>(preset);
        merged.putAll(options);
        String pid = merged.get("gateway-pid");
        double ocpp201Share = Double.parseDouble(merged.getOrDefault("ocpp201-share", "0"));
        if (ocpp201Share < 0 || ocpp201Share > 1) {
            throw new IllegalArgumentException("--ocpp201-share is a fraction from 0 to 1, not " + ocpp201Share);
        }
        return new Scenario(name,
                Integer.parseInt(merged.get("chargers")),
                duration(merged.get("duration")),
                duration(merged.get("ramp-up")),
                duration(merged.getOrDefault("heartbeat-interval", "300s")),
                duration(merged.get("meter-interval")),
                duration(merged.get("session-length")),
                duration(merged.get("idle")),
                Boolean.parseBoolean(merged.getOrDefault("start-platform", "true")),
                URI.create(merged.getOrDefault("gateway", "ws://localhost:8081")),
                merged.getOrDefault("kafka", "localhost:9092"),
                pid == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(pid)),
                merged.getOrDefault("gateway-heap", "1g"),
                Integer.parseInt(merged.getOrDefault("clients", "4")),
                Boolean.parseBoolean(merged.getOrDefault("tls", "false")),
                Optional.ofNullable(merged.get("trust-store")).map(Path::of),
                merged.getOrDefault("trust-store-password", "changeit"),
                duration(merged.getOrDefault("reconnect-within", "30s")),
                Optional.ofNullable(merged.get("restart-after")).map(Scenario::duration),
                !"stop".equals(merged.getOrDefault("restart", "kill")),
                ocpp201Share);
    }

    /** Whether the fleet's charger {@code index} is a 2.0.1 station: every 1/share-th, so spread evenly. */
    public boolean offers201(int index) {
        return Math.floor((index + 1) * ocpp201Share) > Math.floor(index * ocpp201Share);
    }

    /** 90s, 5m, 2h, 500ms. */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("A duration is like 90s, 5m or 2h: " + text);
        };
    }

    public String describe() {
        return String.format("scenario %s: %d chargers, ramp-up %s, duration %s, heartbeat %s, meter values every %s,"
                        + " sessions of %s with %s between%s%s%s", name, chargers, rampUp, duration, heartbeatInterval,
                meterInterval, sessionLength, idleBetweenSessions,
                ocpp201Share > 0 ? String.format(Locale.ROOT, ", %.0f%% of them OCPP 2.0.1 stations", 100 * ocpp201Share) : "",
                tls || trustStore.isPresent() ? ", over TLS" : "",
                restartAfter.map(after -> String.format(", the gateway %s %s after the ramp-up and started again",
                        restartByKill ? "killed (SIGKILL)" : "stopped (SIGTERM)", after)).orElse(""));
    }
}
