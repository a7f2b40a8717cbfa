package org.evsettle.devstack.platform;

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
import org.evsettle.devstack.Await;
import org.evsettle.devstack.ChildProcess;
import org.evsettle.devstack.DevStackException;
import org.evsettle.devstack.Ports;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running in its own JVM,
 * pointed at the devstack with system properties. It can be stopped, killed and started again.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> properties;
    private final Path logFile;
    private ChildProcess process;

    /**
     * A service that is not started yet: its packaged jar under root, listening on port, with the
     * given system properties (see {@link Platform#configuration}), logging to logFile. Its health
     * checks and metrics listen on the management port: the documented one (HTTP port + 1000) when
     * the service runs on its documented port, a free one otherwise.
     */
    public ServiceProcess(Service service, Path root, int port, Map<String, String> properties, Path logFile) {
        this.service = service;
        this.jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        this.port = port;
        this.managementPort = port == service.defaultPort() ? service.defaultManagementPort() : Ports.free();
        this.properties = properties;
        this.logFile = logFile;
    }

    public Service service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Where the health checks ({@code /q/health/ready}) and metrics ({@code /q/metrics}) answer. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the JVM; call {@link #awaitReady()} to wait until its readiness check passes. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new DevStackException(jar + " is missing: build the services first (./mvnw package -DskipTests)");
        }
        Ports.requireFree(port, service.module());
        Ports.requireFree(managementPort, service.module() + " health and metrics");
        List<String> command = new ArrayList<>(List.of(ChildProcess.currentJava(), "-Xms64m", "-Xmx384m",
                "-XX:+ExitOnOutOfMemoryError"));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        process = ChildProcess.start(service.module(), command, Map.of(), jar.getParent(), logFile);
    }

    public void awaitReady() {
        Await.until(service.module() + " on port " + port, Duration.ofSeconds(120), process, this::ready);
    }

    /** Stops the service gracefully (SIGTERM). */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /** Kills the service as a crash would (SIGKILL). */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private boolean ready() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
