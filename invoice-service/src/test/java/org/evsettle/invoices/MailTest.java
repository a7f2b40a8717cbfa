package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.events.tariffs.SessionPriced;
import org.evsettle.invoices.documents.Formats;
import org.evsettle.invoices.documents.PdfText;
import org.evsettle.invoices.mail.MailWorker;
import org.evsettle.testkit.InfrastructureResource;
import org.evsettle.testkit.SmtpGate;
import org.evsettle.testkit.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Documents e-mailed to drivers through a real SMTP server (the devstack's GreenMail), read back from it. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class MailTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final SmtpGate SMTP = InfrastructureResource.smtpGate();

    @Inject
    MailWorker worker;
    @Inject
    Dunning dunning;

    @AfterEach
    void smtpBack() {
        SMTP.open();
        SMTP.acceptAll();
    }

    @Test
    void anIssuedInvoiceIsMailedOnceInTheDriversLanguageWithItsPdfFromTheOperatorWithACopyToItsBcc() throws Exception {
        String bcc = "boekhouding." + UUID.randomUUID() + "@delinde.example";
        Scenario operator = new Scenario().operator(o -> o.legalName("Woonstichting De Linde").invoiceMail(true, bcc));
        String email = address("anna");
        UUID anna = operator.driver(d -> d.name("Anna de Vries").email(email).language("nl"));
        SessionPriced price = operator.charge(anna, "2026-10-03T10:00:00Z", "1020.30");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");
        JsonPath mail = awaitMail(operator, invoiceId, 0, "SENT");

        List<ReceivedMail> received = ReceivedMail.inMailboxOf(email);
        assertThat(received).hasSize(1);
        ReceivedMail message = received.get(0);
        JsonPath invoice = operator.invoice(invoiceId);
        String number = invoice.getString("number");
        assertThat(message.fromName()).isEqualTo("Woonstichting De Linde");
        assertThat(message.fromAddress()).isEqualTo("facturen@evsettle.local");
        assertThat(message.replyTo()).containsExactly("facturen@delinde.example");
        assertThat(message.to()).containsExactly(email);
        assertThat(message.messageId()).isEqualTo(mail.getString("mail[0].messageId")).contains(invoiceId);
        assertThat(message.subject()).isEqualTo("Factuur " + number + " van Woonstichting De Linde");
        LocalDate due = LocalDate.parse(invoice.getString("dueDate"));
        assertThat(message.text().replace('\u00a0', ' '))
                .contains("Beste Anna de Vries,")
                .contains("€ 1.234,56")
                .contains(Formats.date(due, DocumentLanguage.NL))
                .contains(CreditorReference.printed(invoice.getString("paymentReference")))
                .contains("NL91ABNA0417164300")
                .contains("Met vriendelijke groet,");
        assertThat(message.attachments()).containsOnlyKeys(number + ".pdf");
        assertThat(PdfText.of(message.attachments().get(number + ".pdf"))).contains(number).contains("Factuur")
                .contains("Factuurnummer").contains("Betalingskenmerk").contains("Totaal te betalen");

        // the blind copy is delivered to the operator's address, and not named in the driver's copy
        List<ReceivedMail> copies = ReceivedMail.inMailboxOf(bcc);
        assertThat(copies).extracting(ReceivedMail::messageId).containsExactly(message.messageId());
        assertThat(message.to()).doesNotContain(bcc);

        // the price redelivered, the period billed again, workers racing: nothing goes out twice
        operator.topics.publish(InvoiceFixtures.TARIFFS, price);
        operator.run("2026-10-01");
        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            racing.add(CompletableFuture.supplyAsync(worker::sendDue));
        }
        racing.forEach(CompletableFuture::join);
        assertThat(ReceivedMail.inMailboxOf(email)).hasSize(1);
        assertThat(operator.invoice(invoiceId).getList("mail")).hasSize(1);
    }

    @Test
    void aFrenchSpeakingDriverOfABelgianOperatorGetsAFrenchMailAndInvoiceWithTheStructuredCommunication() throws Exception {
        Scenario operator = new Scenario().operator(o -> o.legalName("Logements Bruxellois SC").belgian());
        String email = address("camille");
        UUID camille = operator.driver(d -> d.name("Camille Dubois").email(email).language("fr"));
        operator.charge(camille, "2026-10-03T10:00:00Z", "1020.30");
        operator.awaitOpenLines(camille, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(camille, "INVOICE", "ISSUED");
        awaitMail(operator, invoiceId, 0, "SENT");

        JsonPath invoice = operator.invoice(invoiceId);
        String number = invoice.getString("number");
        String reference = invoice.getString("paymentReference");
        assertThat(reference).matches("\\+\\+\\+\\d{3}/\\d{4}/\\d{5}\\+\\+\\+");
        ReceivedMail message = ReceivedMail.inMailboxOf(email).get(0);
        assertThat(message.subject()).isEqualTo("Facture " + number + " de Logements Bruxellois SC");
        assertThat(message.text().replace('\u00a0', ' ').replace('\u202f', ' '))
                .contains("Bonjour Camille Dubois,")
                .contains("1 234,56 €")
                .contains("avec la communication structurée " + reference)
                .contains("BE71096123456769");
        String pdf = PdfText.of(message.attachments().get(number + ".pdf"));
        assertThat(pdf).contains("FACTURE").contains("Numéro de facture").contains("TVA").contains("Communication structurée").contains(reference);
    }

    @Test
    void aBusinessCustomerGetsTheUblBesideThePdf() {
        Scenario operator = new Scenario().operator(o -> o.legalName("Kantoorpark Noord B.V."));
        String email = address("fleet");
        UUID fleet = operator.driver(d -> d.name("Piet Bakker").company("Bakker Logistiek B.V.", "NL123456789B01")
                .email(email).language("nl"));
        operator.charge(fleet, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(fleet, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(fleet, "INVOICE", "ISSUED");
        awaitMail(operator, invoiceId, 0, "SENT");

        ReceivedMail message = ReceivedMail.inMailboxOf(email).get(0);
        String number = operator.invoice(invoiceId).getString("number");
        assertThat(message.fromName()).isEqualTo("Kantoorpark Noord B.V.");
        assertThat(message.attachments()).containsOnlyKeys(number + ".pdf", number + ".xml");
        assertThat(new String(message.attachments().get(number + ".xml"), StandardCharsets.UTF_8))
                .contains("<cbc:ID>" + number + "</cbc:ID>");
        assertThat(message.text()).contains("UBL");
    }

    @Test
    void whileTheSmtpServerIsDownMailWaitsAndIsRetriedAndInvoicesAreIssuedMeanwhile() {
        Scenario first = new Scenario().operator(o -> o.legalName("Woonstichting De Linde"));
        String annaMail = address("anna");
        UUID anna = first.driver(d -> d.email(annaMail).language("nl"));
        first.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        first.awaitOpenLines(anna, 1);
        Scenario second = new Scenario().operator(o -> o.legalName("VvE Het Hof"));
        String bramMail = address("bram");
        UUID bram = second.driver(d -> d.name("Bram Jansen").email(bramMail));
        second.charge(bram, "2026-10-03T10:00:00Z", "10.00");
        second.awaitOpenLines(bram, 1);

        SMTP.down();
        first.run("2026-10-01");
        String annasInvoice = first.only(anna, "INVOICE", "ISSUED");
        await().atMost(PATIENCE).until(() -> first.invoice(annasInvoice).getInt("mail[0].attempts") >= 2);
        JsonPath waiting = first.invoice(annasInvoice);
        assertThat(waiting.getString("mail[0].status")).isEqualTo("QUEUED");
        assertThat(waiting.getString("mail[0].reason")).isNotBlank();
        // issuing does not wait for the mail server
        second.run("2026-10-01");
        String bramsInvoice = second.only(bram, "INVOICE", "ISSUED");
        assertThat(second.invoice(bramsInvoice).getString("mail[0].status")).isEqualTo("QUEUED");

        SMTP.open();
        awaitMail(first, annasInvoice, 0, "SENT");
        awaitMail(second, bramsInvoice, 0, "SENT");
        assertThat(ReceivedMail.inMailboxOf(annaMail)).hasSize(1);
        assertThat(ReceivedMail.inMailboxOf(bramMail)).hasSize(1);
    }

    @Test
    void mailThatKeepsFailingIsFailedAfterTheLastAttemptWithTheReason() {
        Scenario operator = new Scenario().operator(o -> o.legalName("Woonstichting De Linde"));
        UUID anna = operator.driver(d -> d.email(address("anna")));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        SMTP.down();
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");

        JsonPath failed = awaitMail(operator, invoiceId, 0, "FAILED");
        assertThat(failed.getInt("mail[0].attempts")).isEqualTo(6);
        assertThat(failed.getString("mail[0].reason")).isNotBlank();
        assertThat(failed.getString("mail[0].nextAttemptAt")).isNull();
    }

    @Test
    void aRecipientTheServerRefusesIsBouncedAtOnce() {
        Scenario operator = new Scenario().operator(o -> o.legalName("Woonstichting De Linde"));
        String email = address("gone");
        UUID gone = operator.driver(d -> d.email(email));
        operator.charge(gone, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(gone, 1);
        SMTP.refuse(email);
        operator.run("2026-10-01");
        String invoiceId = operator.only(gone, "INVOICE", "ISSUED");

        JsonPath bounced = awaitMail(operator, invoiceId, 0, "BOUNCED");
        assertThat(bounced.getInt("mail[0].attempts")).isEqualTo(1);
        assertThat(bounced.getString("mail[0].reason")).startsWith("550").contains("rejected");
        assertThat(ReceivedMail.inMailboxOf(email)).isEmpty();
    }

    @Test
    void anOperatorThatTurnedMailOffSendsNothingAndTheMailIsSkipped() {
        Scenario operator = new Scenario().operator(o -> o.legalName("Stil B.V.").invoiceMail(false, null));
        String email = address("quiet");
        UUID quiet = operator.driver(d -> d.email(email));
        operator.charge(quiet, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(quiet, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(quiet, "INVOICE", "ISSUED");

        JsonPath skipped = operator.invoice(invoiceId);
        assertThat(skipped.getString("mail[0].status")).isEqualTo("SKIPPED");
        assertThat(skipped.getString("mail[0].reason")).contains("e-mail off");
        worker.sendDue();
        assertThat(ReceivedMail.inMailboxOf(email)).isEmpty();
    }

    @Test
    void anOperatorAdminSendsTheLastStepAgainAndAnotherOperatorsAdminCannot() {
        Scenario operator = new Scenario().operator(o -> o.legalName("Woonstichting De Linde"));
        String email = address("anna");
        UUID anna = operator.driver(d -> d.email(email).language("fr"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");
        awaitMail(operator, invoiceId, 0, "SENT");

        InvoicingTest.as(TestTokens.operatorAdmin(UUID.randomUUID())).post("/api/invoices/{id}/mail", invoiceId).then()
                .statusCode(404);
        operator.driverOf(anna).post("/api/invoices/{id}/mail", invoiceId).then().statusCode(403);
        JsonPath resend = operator.admin().post("/api/invoices/{id}/mail", invoiceId).then().statusCode(202).extract()
                .jsonPath();
        assertThat(resend.getString("step")).isEqualTo("ISSUED");
        assertThat(resend.getInt("sendNumber")).isEqualTo(2);
        awaitMail(operator, invoiceId, 1, "SENT");

        List<ReceivedMail> received = ReceivedMail.inMailboxOf(email);
        assertThat(received).hasSize(2);
        assertThat(received.get(0).subject()).startsWith("Facture ").endsWith(" de Woonstichting De Linde");
        assertThat(received.get(1).messageId()).isNotEqualTo(received.get(0).messageId());
        assertThat(operator.invoice(invoiceId).getString("mail[1].requestedBy")).isNotBlank();
    }

    @Test
    void eachReminderStepAndACreditNoteAreMailedOnceInTheDriversLanguage() throws Exception {
        Scenario operator = new Scenario().operator(o -> o.legalName("Woonstichting De Linde").paymentTermDays(14));
        String email = address("anna");
        UUID anna = operator.driver(d -> d.email(email).language("de"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");
        Instant now = Instant.now();
        dunning.check(now.plus(Duration.ofDays(15)), operator.operatorId);
        dunning.check(now.plus(Duration.ofDays(37)), operator.operatorId);
        dunning.check(now.plus(Duration.ofDays(38)), operator.operatorId);
        await().atMost(PATIENCE).until(() -> operator.invoice(invoiceId).getList("mail.status").stream()
                .filter("SENT"::equals).count() == 4);
        assertThat(operator.invoice(invoiceId).getList("mail.step"))
                .containsExactly("ISSUED", "REMINDER_1", "REMINDER_2", "FINAL_NOTICE");

        JsonPath creditNote = operator.admin().contentType("application/json").body(Map.of("reason", "Kulanz"))
                .post("/api/invoices/{id}/credit-notes", invoiceId).then().statusCode(201).extract().jsonPath();
        awaitMail(operator, creditNote.getString("id"), 0, "SENT");

        List<ReceivedMail> received = ReceivedMail.inMailboxOf(email);
        String number = operator.invoice(invoiceId).getString("number");
        assertThat(received.get(0).attachments()).containsOnlyKeys(number + ".pdf");
        assertThat(received.get(3).attachments()).containsOnlyKeys(number + "-final-notice.pdf", number + ".pdf");
        assertThat(PdfText.of(received.get(3).attachments().get(number + "-final-notice.pdf")))
                .containsIgnoringCase("Letzte Mahnung").contains(number);
        List<String> subjects = received.stream().map(ReceivedMail::subject).toList();
        assertThat(subjects).hasSize(5);
        assertThat(subjects.get(0)).startsWith("Rechnung ");
        assertThat(subjects.get(1)).startsWith("Zahlungserinnerung ");
        assertThat(subjects.get(2)).startsWith("Zweite Zahlungserinnerung ");
        assertThat(subjects.get(3)).startsWith("Letzte Mahnung ");
        assertThat(subjects.get(4)).isEqualTo("Gutschrift " + creditNote.getString("number") + " von Woonstichting De Linde");
    }

    @Test
    void aReminderWaitsForTheInvoiceMailStillBeingTriedSoTheDriverReadsTheInvoiceFirst() {
        Scenario operator = new Scenario().operator(o -> o.legalName("Woonstichting De Linde").paymentTermDays(14));
        String email = address("anna");
        UUID anna = operator.driver(d -> d.email(email).language("nl"));
        operator.charge(anna, "2026-10-03T10:00:00Z", "10.00");
        operator.awaitOpenLines(anna, 1);
        SMTP.down();
        operator.run("2026-10-01");
        String invoiceId = operator.only(anna, "INVOICE", "ISSUED");
        // due in 14 days, the first reminder 8 days later
        dunning.check(Instant.now().plus(Duration.ofDays(23)), operator.operatorId);
        await().atMost(PATIENCE).until(() -> operator.invoice(invoiceId).getInt("mail[0].attempts") >= 2);
        JsonPath waiting = operator.invoice(invoiceId);
        assertThat(waiting.getList("mail.step")).containsExactly("ISSUED", "REMINDER_1");
        assertThat(waiting.getString("mail[1].status")).isEqualTo("QUEUED");
        assertThat(waiting.getInt("mail[1].attempts")).as("the reminder is not tried before the invoice").isZero();

        SMTP.open();
        awaitMail(operator, invoiceId, 1, "SENT");
        List<ReceivedMail> received = ReceivedMail.inMailboxOf(email);
        String number = operator.invoice(invoiceId).getString("number");
        assertThat(received).extracting(ReceivedMail::subject)
                .satisfiesExactly(invoice -> assertThat(invoice).startsWith("Factuur "),
                        reminder -> assertThat(reminder).startsWith("Betalingsherinnering "));
        assertThat(received.get(0).attachments()).containsOnlyKeys(number + ".pdf");
    }

    private static JsonPath awaitMail(Scenario operator, String documentId, int index, String status) {
        return await().atMost(PATIENCE).until(() -> operator.invoice(documentId),
                view -> view.getList("mail").size() > index && status.equals(view.getString("mail[" + index + "].status")));
    }

    private static String address(String name) {
        return name + "." + UUID.randomUUID() + "@example.org";
    }
}
