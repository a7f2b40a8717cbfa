package org.evsettle.devstack.platform;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.evsettle.devstack.DevStack;
import org.evsettle.devstack.keycloak.KeycloakAccounts;

/**
 * The whole platform on one machine: the five packaged services running against a devstack. The
 * local run uses the documented ports; the system tests use free ones and restart services at will.
 */
public final class Platform implements AutoCloseable {

    private final Map<Service, ServiceProcess> services;
    private final DevStack stack;
    private final Path root;
    private final Map<Service, Integer> ports;
    private final List<ServiceProcess> replicas = new CopyOnWriteArrayList<>();

    private Platform(Map<Service, ServiceProcess> services, DevStack stack, Path root, Map<Service, Integer> ports) {
        this.services = services;
        this.stack = stack;
        this.root = root;
        this.ports = ports;
    }

    /**
     * Starts every service (the registry first) and waits until each reports ready; the api-gateway,
     * routing to the others on their ports, starts with them. The portal's login is allowed back to
     * the gateway's port.
     */
    public static Platform start(DevStack stack, Path root, Map<Service, Integer> ports) {
        return start(stack, root, ports, Map.of());
    }

    /** The same, with settings of some services overridden (system properties by service). */
    public static Platform start(DevStack stack, Path root, Map<Service, Integer> ports,
                                 Map<Service, Map<String, String>> overrides) {
        Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
        Path logs = stack.settings().dataDirectory().resolve("logs");
        for (Service service : Service.values()) {
            Map<String, String> properties = new LinkedHashMap<>(configuration(stack, service, ports));
            properties.putAll(overrides.getOrDefault(service, Map.of()));
            services.put(service, new ServiceProcess(service, root, ports.get(service), properties,
                    logs.resolve(service.module() + ".log")));
        }
        Platform platform = new Platform(services, stack, root, ports);
        try {
            if (stack.settings().withKeycloak()) {
                new KeycloakAccounts(stack.keycloak().url())
                        .ensurePortal(stack.settings().realmFile(), platform.url(Service.API_GATEWAY));
            }
            services.values().forEach(ServiceProcess::start);
            services.values().forEach(ServiceProcess::awaitReady);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** The documented local ports, 8081 to 8085. */
    public static Map<Service, Integer> defaultPorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return ports;
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public String url(Service service) {
        return services.get(service).url();
    }

    /**
     * Starts one more instance of a service on another port (a second gateway replica, say), with the
     * same configuration as the first; it is stopped with the platform.
     */
    public ServiceProcess startReplica(Service service, int port) {
        ServiceProcess replica = new ServiceProcess(service, root, port, configuration(stack, service, ports),
                stack.settings().dataDirectory().resolve("logs").resolve(service.module() + "-" + port + ".log"));
        replicas.add(replica);
        replica.start();
        replica.awaitReady();
        return replica;
    }

    /** Stops the services in reverse order of dependence. */
    @Override
    public void close() {
        stopAll(replicas);
        stopAll(List.copyOf(services.values()));
    }

    // why: each stop waits for a graceful shutdown (up to 30 s); one thread each, so the waits overlap
    // on a 2-core machine too (a parallel stream would run them two at a time)
    private static void stopAll(List<ServiceProcess> processes) {
        List<Thread> stopping = processes.stream()
                .map(process -> new Thread(process::stop, "stop-" + process.service().module()))
                .toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * LOCAL DEVELOPMENT KEY ONLY, public in this repository: the key the local platform (and the system tests)
     * encrypt stored Zaptec credentials with. Every deployment sets its own (EVSETTLE_ZAPTEC_CREDENTIALS_KEY).
     */
    public static final String LOCAL_ZAPTEC_CREDENTIALS_KEY = "ZGV2LW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=";

    /** What a service behind the api-gateway needs to know of the devstack, as system properties. */
    public static Map<String, String> configuration(DevStack stack, Service service) {
        if (service == Service.API_GATEWAY) {
            throw new IllegalArgumentException("The api-gateway needs the services' ports: configuration(stack, service, ports)");
        }
        return configuration(stack, service, defaultPorts());
    }

    /**
     * What a service needs to know, as system properties: the devstack's parts for a service behind
     * the gateway; Keycloak and the services' ports for the api-gateway.
     */
    public static Map<String, String> configuration(DevStack stack, Service service, Map<Service, Integer> ports) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (stack.settings().withKeycloak()) {
            properties.put("quarkus.oidc.auth-server-url", stack.keycloak().realmUrl());
        }
        if (service == Service.API_GATEWAY) {
            for (Service backend : Service.backends()) {
                properties.put("evsettle.services." + backend.route(), "http://localhost:" + ports.get(backend));
            }
            return properties;
        }
        properties.put("evsettle.db.port", String.valueOf(stack.postgres().port()));
        properties.put("kafka.bootstrap.servers", stack.kafka().bootstrapServers());
        if (service == Service.SESSION_SERVICE) {
            properties.put("evsettle.zaptec.credentials-key", LOCAL_ZAPTEC_CREDENTIALS_KEY);
        }
        if (service == Service.INVOICE_SERVICE) {
            properties.put("quarkus.mailer.host", stack.mail().host());
            properties.put("quarkus.mailer.port", String.valueOf(stack.mail().smtpPort()));
        }
        return properties;
    }
}
