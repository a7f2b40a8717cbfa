package org.evsettle.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evsettle.devstack.Await;
import org.evsettle.devstack.ChildProcess;
import org.evsettle.devstack.DevStack;
import org.evsettle.devstack.Ports;
import org.evsettle.devstack.platform.Platform;
import org.evsettle.devstack.platform.Service;
import org.evsettle.testkit.ChargerTls;

/**
 * The gateway being measured: either one this run starts itself (a devstack with Kafka and
 * PostgreSQL on free ports, and the packaged gateway in its own JVM with the given heap), or one
 * already running (then its pid, if given, lets the run read its memory). Reads heap (jstat) and
 * resident memory (/proc) of the gateway's process. With {@code --tls=true} the gateway it starts
 * serves {@code wss://} only (security profile 2), from a certificate for localhost made for the run
 * with keytool; the chargers trust that certificate.
 */
final class GatewayUnderTest implements AutoCloseable {

    private final DevStack stack;
    private volatile ChildProcess gateway;
    private final URI websocket;
    private final String kafka;
    private volatile OptionalLong pid;
    private final URI metrics;
    private final Optional<ChargerTls> tls;
    private final List<String> command;
    private final Path log;
    private final int managementPort;

    private GatewayUnderTest(DevStack stack, ChildProcess gateway, URI websocket, String kafka, OptionalLong pid,
                             URI metrics, Optional<ChargerTls> tls, List<String> command, Path log, int managementPort) {
        this.tls = tls;
        this.command = command;
        this.log = log;
        this.managementPort = managementPort;
        this.stack = stack;
        this.gateway = gateway;
        this.websocket = websocket;
        this.kafka = kafka;
        this.metrics = metrics;
        this.pid = pid;
    }

    static GatewayUnderTest of(Scenario scenario, Path root) {
        if (!scenario.startPlatform()) {
            if (scenario.restartAfter().isPresent()) {
                throw new IllegalArgumentException("--restart-after restarts a gateway the run starts itself:"
                        + " leave out --start-platform=false");
            }
            return new GatewayUnderTest(null, null, scenario.gateway(), scenario.kafka(), scenario.gatewayPid(), null,
                    scenario.trustStore().map(store -> ChargerTls.trusting(store, scenario.trustStorePassword())),
                    List.of(), null, -1);
        }
        Path jar = root.resolve("ocpp-gateway/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (load-generator/run.sh does)");
        }
        Path data;
        try {
            data = Files.createTempDirectory("evsettle-load-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("Starting Kafka and PostgreSQL (data in " + data + ") ...");
        DevStack stack = DevStack.start(DevStack.Settings.forTests(root, data, false));
        int port = Ports.free();
        int managementPort = Ports.free();
        // extra JVM options for the gateway, such as a flight recording or another collector:
        // GATEWAY_JAVA_OPTS="-XX:StartFlightRecording=..." or "-XX:+UseG1GC" (instead of the parallel collector,
        // which the gateway's container runs on, see deploy/docker/Dockerfile.jvm)
        List<String> extra = List.of(System.getenv().getOrDefault("GATEWAY_JAVA_OPTS", "").trim().split("\\s+"))
                .stream().filter(option -> !option.isEmpty()).toList();
        boolean collectorChosen = extra.stream().anyMatch(option -> option.matches("-XX:\\+Use\\w+GC"));
        List<String> command = new ArrayList<>(List.of(ChildProcess.currentJava(), "-Xms" + scenario.gatewayHeap(),
                "-Xmx" + scenario.gatewayHeap(), "-XX:+ExitOnOutOfMemoryError",
                "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort, "-Dquarkus.log.level=WARN",
                // no Keycloak here (the gateway's REST API is not measured): without this every start, the
                // storm's restart too, would first wait 10 s for the OIDC server
                "-Dquarkus.oidc.connection-delay=0S"));
        if (!collectorChosen) {
            command.add("-XX:+UseParallelGC");
        }
        Platform.configuration(stack, Service.OCPP_GATEWAY).forEach((key, value) -> command.add("-D" + key + "=" + value));
        Optional<ChargerTls> tls = Optional.empty();
        if (scenario.tls()) {
            Path keyStore = serverKeyStore(data, scenario.trustStorePassword());
            command.addAll(List.of("-Dquarkus.http.ssl-port=" + port, "-Dquarkus.http.port=" + Ports.free(),
                    "-Dquarkus.http.ssl.certificate.key-store-file=" + keyStore,
                    "-Dquarkus.http.ssl.certificate.key-store-password=" + scenario.trustStorePassword(),
                    "-Dquarkus.http.insecure-requests=disabled"));
            tls = Optional.of(ChargerTls.trusting(keyStore, scenario.trustStorePassword()));
        }
        command.addAll(extra);
        command.addAll(List.of("-jar", jar.toString()));
        Path log = data.resolve("logs/ocpp-gateway.log");
        System.out.println("Starting the gateway on port " + port + " (heap " + scenario.gatewayHeap() + ", log " + log + ") ...");
        ChildProcess gateway = ChildProcess.start("ocpp-gateway", command, Map.of(), jar.getParent(), log);
        GatewayUnderTest started = new GatewayUnderTest(stack, gateway,
                URI.create((scenario.tls() ? "wss" : "ws") + "://localhost:" + port),
                stack.kafka().bootstrapServers(), OptionalLong.of(gateway.pid()),
                URI.create("http://localhost:" + managementPort + "/q/metrics"), tls, List.copyOf(command), log,
                managementPort);
        try {
            Await.until("ocpp-gateway on port " + port, Duration.ofSeconds(180), gateway, () -> ready(managementPort));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /**
     * Ends the gateway as a crash does (SIGKILL: no shutdown, sockets reset by the kernel) or gracefully
     * (SIGTERM), and starts it again with the same command and ports. Returns once the new process is
     * started; {@link Restart#ready()} completes with the moment it reports ready (chargers may be
     * admitted before that, and the storm is measured by the chargers, not by the probe).
     */
    Restart restart(boolean kill) {
        long requested = System.nanoTime();
        if (kill) {
            gateway.kill();
        } else {
            gateway.stop(Duration.ofSeconds(30));
        }
        long ended = System.nanoTime();
        // the command ends with "-jar <the gateway's jar>", whose folder it runs in
        Path jar = Path.of(command.get(command.size() - 1));
        ChildProcess restarted = ChildProcess.start("ocpp-gateway", command, Map.of(), jar.getParent(), log);
        gateway = restarted;
        pid = OptionalLong.of(restarted.pid());
        CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
            try {
                Await.until("ocpp-gateway restarted", Duration.ofMinutes(10), restarted, () -> ready(managementPort));
                return System.nanoTime();
            } catch (RuntimeException exitedOrTooSlow) {
                return -1L;
            }
        });
        return new Restart(requested, ended, ready);
    }

    /**
     * When the gateway was told to end and when its process had ended (System.nanoTime), and when the
     * new one reported ready (-1: it exited first, or was not ready within 10 minutes).
     */
    record Restart(long requestedAt, long endedAt, CompletableFuture<Long> ready) {
    }

    /** The TLS the chargers connect with ({@code wss://}), or empty for {@code ws://}. */
    Optional<ChargerTls> tls() {
        return tls;
    }

    /** A PKCS#12 key store with a self-signed certificate for localhost, made with the JDK's keytool. */
    private static Path serverKeyStore(Path data, String password) {
        Path keyStore = data.resolve("gateway-tls.p12");
        try {
            Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", password)).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return keyStore;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI websocket() {
        return websocket;
    }

    String kafka() {
        return kafka;
    }

    /** Heap in use and resident memory of the gateway's process, in MiB; empty without a pid. */
    Memory memory() {
        if (pid.isEmpty()) {
            return new Memory(-1, -1);
        }
        return new Memory(heapUsedMiB(pid.getAsLong()), residentMiB(pid.getAsLong()));
    }

    /**
     * The gateway's own view of its answers: seconds from a CALL's frame to its answer, by action,
     * quantile ("0.5", "0.99", "0.999") to seconds, over its last minutes (metric
     * {@code ocpp_call_seconds}, outcome result). Empty for a gateway this run did not start.
     */
    Map<String, Map<String, Double>> callLatencies() {
        Map<String, Map<String, Double>> latencies = new TreeMap<>();
        if (metrics == null) {
            return latencies;
        }
        Pattern line = Pattern.compile(
                "ocpp_call_seconds\\{action=\"([^\"]+)\",outcome=\"result\",quantile=\"([0-9.]+)\",?} ([0-9.Ee+-]+)");
        try {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            text.lines().map(line::matcher).filter(Matcher::matches).forEach(m ->
                    latencies.computeIfAbsent(m.group(1), a -> new TreeMap<>()).put(m.group(2), Double.parseDouble(m.group(3))));
        } catch (IOException e) {
            System.out.println("Could not read the gateway's metrics: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return latencies;
    }

    /** What the gateway's process used at one moment; -1 when unknown. */
    record Memory(double heapUsedMiB, double residentMiB) {
    }

    private static double residentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** S0U + S1U + EU + OU of {@code jstat -gc}: the heap in use, in KiB. */
    private static double heapUsedMiB(long pid) {
        try {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-gc", Long.toString(pid)).redirectErrorStream(true).start();
            List<String> lines = new String(jstat.getInputStream().readAllBytes()).lines().toList();
            jstat.waitFor();
            if (lines.size() < 2) {
                return -1;
            }
            List<String> names = List.of(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            double used = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                used += Double.parseDouble(values[names.indexOf(column)]);
            }
            return used / 1024.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static boolean ready(int managementPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.stop(Duration.ofSeconds(30));
        }
        if (stack != null) {
            stack.close();
        }
    }
}
