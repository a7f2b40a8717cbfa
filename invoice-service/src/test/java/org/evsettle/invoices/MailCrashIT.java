package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.devstack.DevStack;
import org.evsettle.devstack.Ports;
import org.evsettle.devstack.platform.Platform;
import org.evsettle.devstack.platform.Service;
import org.evsettle.devstack.platform.ServiceProcess;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.ProjectRoot;
import org.evsettle.testkit.SmtpGate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mail survives a crash, proven on the packaged service in its own JVM: an invoice issued while the
 * SMTP server is down is queued; the service is killed (kill -9) and started again, and the mail goes out
 * once when the server is back; killed and started again after that, it sends nothing twice.
 */
class MailCrashIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final SmtpGate SMTP = InfrastructureResource.smtpGate();
    private static ServiceProcess service;

    @BeforeAll
    static void startService() {
        DevStack stack = InfrastructureResource.stack();
        Map<String, String> properties = new HashMap<>(Platform.configuration(stack, Service.INVOICE_SERVICE));
        // the same token verification and SMTP gate as the @QuarkusTest classes
        properties.putAll(new InfrastructureResource().start());
        // retried every second while the server is down, and never given up on within the test
        properties.put("evsettle.mail.every", "1s");
        properties.put("evsettle.mail.first-retry", "200ms");
        properties.put("evsettle.mail.longest-retry", "1s");
        properties.put("evsettle.mail.max-attempts", "1000");
        // an attempt counts when it is claimed: a crash during one leaves the mail leased, taken up again after this
        properties.put("evsettle.mail.lease", "3s");
        Path log = Path.of("target", "it-logs", "invoice-service.log").toAbsolutePath();
        service = new ServiceProcess(Service.INVOICE_SERVICE, ProjectRoot.find(), Ports.free(), properties, log);
        service.start();
        service.awaitReady();
        URI url = URI.create(service.url());
        RestAssured.baseURI = url.getScheme() + "://" + url.getHost();
        RestAssured.port = url.getPort();
    }

    @AfterAll
    static void stopService() {
        SMTP.open();
        if (service != null) {
            service.stop();
        }
        RestAssured.reset();
    }

    @Test
    void aMailQueuedBeforeACrashGoesOutOnceAndARestartSendsNothingAgain() {
        Scenario operator = new Scenario().operator(o -> o.legalName("Woonstichting De Linde"));
        String email = "anna." + UUID.randomUUID() + "@example.org";
        UUID anna = operator.driver(d -> d.name("Anna de Vries").email(email).language("nl"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);

        SMTP.down();
        String invoiceId;
        try {
            operator.run("2026-10-01");
            invoiceId = operator.only(anna, "INVOICE", "ISSUED");
            await().atMost(PATIENCE).until(() -> operator.invoice(invoiceId),
                    view -> view.getInt("mail[0].attempts") >= 2 && "QUEUED".equals(view.getString("mail[0].status")));
            service.kill();
        } finally {
            SMTP.open();
        }
        service.start();
        service.awaitReady();

        JsonPath sent = await().atMost(PATIENCE).until(() -> operator.invoice(invoiceId),
                view -> "SENT".equals(view.getString("mail[0].status")));
        assertThat(sent.getList("mail")).hasSize(1);
        List<ReceivedMail> received = ReceivedMail.inMailboxOf(email);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).subject()).startsWith("Factuur " + sent.getString("number"));

        service.kill();
        service.start();
        service.awaitReady();
        // the worker has looked at the due mail several times over by now
        await().pollDelay(Duration.ofSeconds(5)).atMost(PATIENCE).until(() -> operator.invoice(invoiceId) != null);
        assertThat(operator.invoice(invoiceId).getList("mail")).hasSize(1);
        assertThat(ReceivedMail.inMailboxOf(email)).hasSize(1);
    }
}
