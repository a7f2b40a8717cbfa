package org.evsettle.systemtests;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.evsettle.devstack.DevStack;
import org.evsettle.devstack.Ports;
import org.evsettle.devstack.keycloak.KeycloakAccounts;
import org.evsettle.devstack.platform.Platform;
import org.evsettle.devstack.platform.Service;
import org.evsettle.testkit.ProjectRoot;
import org.evsettle.testkit.ZaptecStub;

/**
 * The real platform for the system tests: the devstack (Kafka, PostgreSQL, Keycloak) and the five
 * packaged services, on free ports with fresh data, started once per test JVM and stopped at its end; and a stub
 * of Zaptec's API that session-service imports from.
 */
final class RunningPlatform {

    private static RunningPlatform instance;

    private final DevStack stack;
    private final Platform platform;
    private final KeycloakAccounts accounts;
    private final ZaptecStub zaptec;

    private RunningPlatform(DevStack stack, Platform platform, ZaptecStub zaptec) {
        this.stack = stack;
        this.platform = platform;
        this.accounts = new KeycloakAccounts(stack.keycloak().url());
        this.zaptec = zaptec;
    }

    static synchronized RunningPlatform get() {
        if (instance == null) {
            Path root = ProjectRoot.find();
            Path data = temporaryDirectory();
            DevStack stack = DevStack.start(DevStack.Settings.forTests(root, data, true));
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, Ports.free());
            }
            Platform platform;
            // Zaptec's API, for session-service's import of the charge history
            ZaptecStub zaptec = new ZaptecStub();
            try {
                // why: the tests bill a period when they ask for it; a scheduled run would bill a new tenant's
                // ended months before its sessions arrive, which would then count as late
                platform = Platform.start(stack, root, ports,
                        Map.of(Service.INVOICE_SERVICE, Map.of("evsettle.billing.every", "off"),
                                Service.SESSION_SERVICE, Map.of("evsettle.zaptec.base-url", zaptec.baseUrl().toString(),
                                        "evsettle.zaptec.schedule-check-every", "off")));
            } catch (RuntimeException e) {
                zaptec.close();
                stack.close();
                throw e;
            }
            instance = new RunningPlatform(stack, platform, zaptec);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                platform.close();
                zaptec.close();
                stack.close();
            }, "platform-stop"));
        }
        return instance;
    }

    DevStack stack() {
        return stack;
    }

    Platform platform() {
        return platform;
    }

    KeycloakAccounts accounts() {
        return accounts;
    }

    /** The stub of Zaptec's API that session-service imports charge history from. */
    ZaptecStub zaptec() {
        return zaptec;
    }

    String url(Service service) {
        return platform.url(service);
    }

    URI gateway() {
        return URI.create("ws://localhost:" + platform.service(Service.OCPP_GATEWAY).port());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("evsettle-system-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
