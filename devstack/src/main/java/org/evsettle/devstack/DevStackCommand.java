package org.evsettle.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.evsettle.devstack.keycloak.KeycloakAccounts;
import org.evsettle.devstack.platform.DemoSeed;
import org.evsettle.devstack.platform.Platform;
import org.evsettle.devstack.platform.Service;

/**
 * What {@code ./evsettle} runs (on {@code devstack/target/classes} and {@code target/lib}): {@code up <root>} starts the devstack and the five services and seeds
 * the demo data; {@code infra <root>} starts only the devstack. Both print where everything
 * listens, write their pid to {@code .devstack/evsettle.pid} (for {@code ./evsettle down}) and stop
 * everything on Ctrl-C or SIGTERM.
 */
public final class DevStackCommand {

    private DevStackCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        String mode = args.length > 0 ? args[0] : "infra";
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        DevStack.Settings settings = DevStack.Settings.local(root);
        Path pidFile = root.resolve(".devstack/evsettle.pid");
        List<AutoCloseable> running = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping EV Settle ...");
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    System.err.println("Could not stop cleanly: " + e.getMessage());
                }
            }
            deleteQuietly(pidFile);
            System.out.println("Stopped.");
            stopped.countDown();
        }, "evsettle-stop"));
        try {
            writePid(pidFile);
            System.out.println("Starting the devstack (data in " + settings.dataDirectory() + ") ...");
            DevStack stack = DevStack.start(settings);
            running.add(stack);
            StringBuilder summary = new StringBuilder(describe(stack));
            if ("up".equals(mode)) {
                System.out.println("Starting the services ...");
                Platform platform = Platform.start(stack, root, Platform.defaultPorts());
                running.add(platform);
                System.out.println("Seeding the demo data ...");
                DemoSeed.Demo demo = new DemoSeed(platform, new KeycloakAccounts(stack.keycloak().url())).apply();
                summary.append(describe(platform, demo, stack));
            }
            System.out.println(summary.append("\nPress Ctrl-C (or run ./evsettle down) to stop."));
        } catch (DevStackException e) {
            System.err.println("\nEV Settle could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    static String describe(DevStack stack) {
        StringBuilder text = new StringBuilder("\nEV Settle devstack\n");
        text.append("  PostgreSQL  ").append(stack.postgres().jdbcUrl("<database>"))
                .append("  (user postgres; databases ").append(String.join(", ", DevStack.DATABASES)).append(")\n");
        text.append("  Kafka       ").append(stack.kafka().bootstrapServers()).append('\n');
        text.append("  Mail        SMTP localhost:").append(stack.mail().smtpPort()).append("; read it over IMAP localhost:")
                .append(stack.mail().imapPort()).append(" or POP3 localhost:").append(stack.mail().pop3Port())
                .append("\n              login: the recipient's address (e.g. ").append(DemoSeed.DRIVER_EMAIL)
                .append("), any password (local only; kept in memory until the devstack stops)\n");
        if (stack.settings().withKeycloak()) {
            text.append("  Keycloak    ").append(stack.keycloak().url()).append("  realm ").append(stack.keycloak().realmUrl())
                    .append("\n              admin console: admin / admin (local only)\n");
        }
        text.append("  Data        ").append(stack.settings().dataDirectory()).append("  (wipe: ./evsettle wipe)\n")
                .append("  Logs        ").append(stack.settings().dataDirectory().resolve("logs")).append('\n');
        return text.toString();
    }

    static String describe(Platform platform, DemoSeed.Demo demo, DevStack stack) {
        String gateway = platform.url(Service.API_GATEWAY);
        StringBuilder text = new StringBuilder("\nEV Settle\n");
        text.append("  Portal           ").append(gateway).append("   (sign in with a demo login below)\n")
                .append("  API              ").append(gateway).append("/api/<service>/...   (description: ")
                .append(gateway).append("/q/swagger-ui)\n");
        text.append("\nServices behind the api-gateway (local only)\n");
        for (Service service : Service.backends()) {
            text.append(String.format("  %-16s %s   = %s/api/%s/...%n", service.module(),
                    platform.url(service), gateway, service.route()));
        }
        text.append("\nCharger (OCPP 1.6J, subprotocol ocpp1.6, HTTP Basic)\n")
                .append("  URL       ws://localhost:").append(platform.service(Service.OCPP_GATEWAY).port())
                .append("/ocpp/").append(demo.chargePointId()).append('\n')
                .append("  Password  ").append(demo.chargerPassword()).append("   card idTag ").append(demo.cardIdTag())
                .append('\n');
        text.append("\nDemo logins (LOCAL ONLY; the portal, or client ").append(KeycloakAccounts.CLI_CLIENT)
                .append(" with the password grant)\n")
                .append("  ").append(DemoSeed.ADMIN).append(" / ").append(DemoSeed.PASSWORD).append("     platform admin\n")
                .append("  ").append(DemoSeed.OPERATOR_ADMIN).append(" / ").append(DemoSeed.PASSWORD)
                .append("  operator admin of ").append(demo.operatorId()).append('\n')
                .append("  ").append(DemoSeed.DRIVER).append(" / ").append(DemoSeed.PASSWORD)
                .append("    driver ").append(demo.driverId()).append('\n')
                .append("  Token: curl -s -d client_id=evsettle-cli -d grant_type=password -d username=")
                .append(DemoSeed.OPERATOR_ADMIN).append(" -d password=").append(DemoSeed.PASSWORD).append(' ')
                .append(stack.keycloak().realmUrl()).append("/protocol/openid-connect/token\n");
        return text.toString();
    }

    private static void writePid(Path pidFile) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new DevStackException("Cannot write " + pidFile + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale pid file is detected by ./evsettle
        }
    }
}
