package org.evsettle.loadgen;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures the OCPP gateway with a fleet of simulated chargers over real WebSockets: provisions the
 * fleet in the registry, connects the chargers at an even pace over the ramp-up, lets them live for
 * the duration, and reports connections held, messages per second, latency per action and the
 * gateway's memory. A benchmark, not a test: run it with {@code load-generator/run.sh}.
 *
 * <pre>
 * run.sh --scenario=smoke|fleet|throughput [--chargers=N] [--duration=5m] [--ramp-up=2m]
 *        [--meter-interval=60s] [--heartbeat-interval=300s] [--session-length=45m] [--idle=5m]
 *        [--gateway-heap=1g] [--clients=4] [--report=target/load-report.md]
 *        [--start-platform=false --gateway=ws://host:8081 --kafka=host:9092 --gateway-pid=PID]
 *        [--tls=true] [--trust-store=gateway.p12 --trust-store-password=changeit --gateway=wss://host:8443]
 * </pre>
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Scenario scenario = Scenario.parse(Arrays.stream(args)
                .filter(arg -> !arg.startsWith("--report=") && !arg.startsWith("--root=")).toArray(String[]::new));
        Path root = Path.of(option(args, "root", ".")).toAbsolutePath().normalize();
        Path reportFile = Path.of(option(args, "report", "load-generator/target/load-report.md"));
        System.out.println("EV Settle load generator, " + scenario.describe());
        try (GatewayUnderTest gateway = GatewayUnderTest.of(scenario, root)) {
            String report = run(scenario, gateway);
            System.out.println();
            System.out.println(report);
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, report, StandardCharsets.UTF_8);
            System.out.println("Report written to " + reportFile);
        }
        System.exit(0);
    }

    static String run(Scenario scenario, GatewayUnderTest gateway) throws InterruptedException {
        Provisioning fleet = new Provisioning();
        fleet.publish(gateway.kafka(), scenario.chargers());
        Metrics metrics = new Metrics();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "chargers");
            thread.setDaemon(true);
            return thread;
        });
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < scenario.clients(); i++) {
            HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30));
            gateway.tls().ifPresent(tls -> client.sslContext(tls.sslContext()));
            clients.add(client.build());
        }
        awaitRegistry(fleet, scenario, gateway, clients.get(0), timer);

        List<SimulatedCharger> chargers = new ArrayList<>();
        long started = System.nanoTime();
        long pause = scenario.rampUp().toNanos() / Math.max(1, scenario.chargers());
        List<CompletableFuture<Void>> connecting = new ArrayList<>();
        for (int i = 0; i < scenario.chargers(); i++) {
            SimulatedCharger charger = new SimulatedCharger(fleet.chargePointId(i), fleet.password(), fleet.idTag(i),
                    scenario, metrics, timer);
            chargers.add(charger);
            connecting.add(charger.start(clients.get(i % clients.size()), gateway.websocket()));
            long due = started + pause * (i + 1);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if ((i + 1) % Math.max(1, scenario.chargers() / 10) == 0) {
                System.out.printf("  %d chargers started, %d connected%n", i + 1, metrics.connectedNow());
            }
        }
        CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).orTimeout(2, TimeUnit.MINUTES)
                .exceptionally(e -> null).join();
        metrics.startMeasuring();
        System.out.printf("Ramp-up done: %d connected; measuring for %s%n", metrics.connectedNow(), scenario.duration());
        long end = System.nanoTime() + scenario.duration().toNanos();
        while (System.nanoTime() < end) {
            TimeUnit.SECONDS.sleep(Math.min(10, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime()))));
            double[] rates = metrics.ratesPerSecond();
            System.out.printf("  %d connected, %.0f messages/s, %.0f transaction messages/s%n", metrics.connectedNow(),
                    rates[0], rates[1]);
        }
        GatewayUnderTest.Memory memory = gateway.memory();
        String report = Report.of(scenario, metrics, memory, gateway.callLatencies(),
                (System.nanoTime() - started) / 1e9);
        chargers.forEach(SimulatedCharger::stop);
        timer.shutdownNow();
        return report;
    }

    /** Waits until the gateway has read the fleet from the registry (its first charger is admitted). */
    private static void awaitRegistry(Provisioning fleet, Scenario scenario, GatewayUnderTest gateway, HttpClient client,
                                      ScheduledExecutorService timer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int last = scenario.chargers() - 1;
        while (System.nanoTime() < deadline) {
            Metrics probe = new Metrics();
            SimulatedCharger charger = new SimulatedCharger(fleet.chargePointId(last), fleet.password(),
                    fleet.idTag(last), scenario, probe, timer);
            charger.start(client, gateway.websocket()).join();
            charger.stop();
            if (probe.peakConnected() > 0) {
                return;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("The gateway did not admit the provisioned chargers within 3 minutes");
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
