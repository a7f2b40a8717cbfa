package org.evsettle.loadgen;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.evsettle.events.Topics;

/**
 * Measures the OCPP gateway with a fleet of simulated chargers over real WebSockets: provisions the
 * fleet in the registry, connects the chargers at an even pace over the ramp-up, lets them live for
 * the duration, and reports connections held, messages per second, latency per action and the
 * gateway's memory. A benchmark, not a test: run it with {@code load-generator/run.sh}.
 *
 * <pre>
 * run.sh --scenario=smoke|fleet|throughput|storm|mixed [--chargers=N] [--ocpp201-share=0.5] [--duration=5m] [--ramp-up=2m]
 *        [--meter-interval=60s] [--heartbeat-interval=300s] [--session-length=45m] [--idle=5m]
 *        [--gateway-heap=1g] [--clients=4] [--report=target/load-report.md]
 *        [--start-platform=false --gateway=ws://host:8081 --kafka=host:9092 --gateway-pid=PID]
 *        [--tls=true] [--trust-store=gateway.p12 --trust-store-password=changeit --gateway=wss://host:8443]
 *        [--restart-after=1m --restart=kill|stop] [--reconnect-within=30s]
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
        int status = 1;
        try (GatewayUnderTest gateway = GatewayUnderTest.of(scenario, root)) {
            String report = run(scenario, gateway);
            System.out.println();
            System.out.println(report);
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, report, StandardCharsets.UTF_8);
            System.out.println("Report written to " + reportFile);
            status = 0;
        } catch (RuntimeException e) {
            e.printStackTrace();
        } finally {
            // the chargers' clients and timers keep threads alive: end the run, also when it failed
            System.exit(status);
        }
    }

    static String run(Scenario scenario, GatewayUnderTest gateway) throws InterruptedException {
        Provisioning fleet = new Provisioning();
        fleet.publish(gateway.kafka(), scenario.chargers());
        Metrics metrics = new Metrics();
        TransactionLedger ledger = new TransactionLedger();
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
                    scenario.offers201(i), scenario, metrics, timer, ledger);
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
        Optional<Storm> storm = Optional.empty();
        if (scenario.restartAfter().isPresent()) {
            measure(metrics, scenario.restartAfter().get());
            storm = Optional.of(storm(scenario, gateway, metrics));
        }
        measure(metrics, scenario.duration());
        GatewayUnderTest.Memory memory = gateway.memory();
        Map<String, Map<String, Double>> latencies = gateway.callLatencies();
        double elapsed = (System.nanoTime() - started) / 1e9;
        metrics.endOfRun();
        chargers.forEach(SimulatedCharger::stop);
        timer.shutdownNow();
        System.out.printf("Checking the %d answered transaction messages against %s ...%n", ledger.size(),
                Topics.OCPP_EVENTS);
        TransactionLedger.Check check = ledger.check(gateway.kafka(), fleet.chargePointPrefix());
        return Report.of(scenario, metrics, memory, latencies, elapsed, storm, check);
    }

    private static void measure(Metrics metrics, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            TimeUnit.SECONDS.sleep(Math.min(10, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime()))));
            double[] rates = metrics.ratesPerSecond();
            System.out.printf("  %d connected, %.0f messages/s, %.0f transaction messages/s%n", metrics.connectedNow(),
                    rates[0], rates[1]);
        }
    }

    /**
     * Restarts the gateway under the connected fleet and waits (up to 10 minutes) until every charger
     * is connected again, noting how many were connected every 10 s since the restart began.
     */
    private static Storm storm(Scenario scenario, GatewayUnderTest gateway, Metrics metrics) throws InterruptedException {
        long reconnectsBefore = metrics.reconnects();
        Map<String, Long> failuresBefore = metrics.connectFailureReasons();
        System.out.printf("Restarting the gateway (%s) with %d chargers connected ...%n",
                scenario.restartByKill() ? "SIGKILL" : "SIGTERM", metrics.connectedNow());
        List<Integer> timeline = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "storm-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> timeline.add(metrics.connectedNow()), 0, 10, TimeUnit.SECONDS);
        GatewayUnderTest.Restart restart = gateway.restart(scenario.restartByKill());
        restart.ready().thenAccept(at -> System.out.printf("The gateway reports ready %.1f s after the restart began%n",
                at < 0 ? -1 : (at - restart.requestedAt()) / 1e9));
        long deadline = restart.requestedAt() + TimeUnit.MINUTES.toNanos(10);
        long allBackAt = -1;
        while (System.nanoTime() < deadline) {
            if (metrics.connectedNow() >= scenario.chargers()) {
                allBackAt = System.nanoTime();
                break;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        sampler.shutdownNow();
        Map<String, Long> failures = new TreeMap<>();
        metrics.connectFailureReasons().forEach((reason, count) -> {
            long during = count - failuresBefore.getOrDefault(reason, 0L);
            if (during > 0) {
                failures.put(reason, during);
            }
        });
        long readyAt = restart.ready().getNow(-1L);
        Storm result = new Storm(seconds(restart.endedAt() - restart.requestedAt()),
                readyAt < 0 ? -1 : seconds(readyAt - restart.requestedAt()),
                allBackAt < 0 ? -1 : seconds(allBackAt - restart.requestedAt()),
                metrics.reconnects() - reconnectsBefore, failures, List.copyOf(timeline));
        System.out.printf("All %d chargers back %.1f s after the restart began%n", scenario.chargers(), result.allBackSeconds());
        return result;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * A restart under load: seconds from the restart's start to the old process's end, to the new one
     * being ready, and to every charger connected again (-1: not within 10 minutes); the reconnects,
     * the failed connect attempts meanwhile by reason, and the chargers connected every 10 s.
     */
    record Storm(double endedSeconds, double readySeconds, double allBackSeconds, long reconnects,
                 Map<String, Long> failedConnects, List<Integer> connectedEvery10s) {
    }

    /** Waits until the gateway has read the fleet from the registry (its first charger is admitted). */
    private static void awaitRegistry(Provisioning fleet, Scenario scenario, GatewayUnderTest gateway, HttpClient client,
                                      ScheduledExecutorService timer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int last = scenario.chargers() - 1;
        while (System.nanoTime() < deadline) {
            Metrics probe = new Metrics();
            SimulatedCharger charger = new SimulatedCharger(fleet.chargePointId(last), fleet.password(),
                    fleet.idTag(last), false, scenario, probe, timer, new TransactionLedger());
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
