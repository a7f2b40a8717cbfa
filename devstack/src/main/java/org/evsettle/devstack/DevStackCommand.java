package org.evsettle.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar devstack/target/devstack-*.jar [root]}: starts the devstack with the local ports
 * and data under {@code <root>/.devstack}, prints where each part listens, and stops everything on
 * Ctrl-C.
 */
public final class DevStackCommand {

    private DevStackCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        DevStack.Settings settings = DevStack.Settings.local(root);
        DevStack stack;
        try {
            System.out.println("Starting the EV Settle devstack (data in " + settings.dataDirectory() + ") ...");
            stack = DevStack.start(settings);
        } catch (DevStackException e) {
            System.err.println("\nThe devstack could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the devstack ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }));
        System.out.println(describe(stack));
        stopped.await();
    }

    static String describe(DevStack stack) {
        StringBuilder text = new StringBuilder("\nEV Settle devstack is up\n");
        text.append("  PostgreSQL  ").append(stack.postgres().jdbcUrl("<database>"))
                .append("  user postgres, databases ").append(String.join(", ", DevStack.DATABASES)).append('\n');
        text.append("  Kafka       ").append(stack.kafka().bootstrapServers()).append('\n');
        if (stack.settings().withKeycloak()) {
            text.append("  Keycloak    ").append(stack.keycloak().url()).append("  realm ")
                    .append(stack.keycloak().realmUrl()).append("  (admin console: admin / admin, local only)\n");
        }
        text.append("  Data        ").append(stack.settings().dataDirectory()).append('\n');
        text.append("Press Ctrl-C to stop.");
        return text.toString();
    }
}
