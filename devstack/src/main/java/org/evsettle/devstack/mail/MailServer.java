package org.evsettle.devstack.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.evsettle.devstack.Ports;

/**
 * A real mail server (GreenMail, in this JVM) that takes invoice-service's mail over SMTP and keeps it
 * in memory, to be read over IMAP or POP3 with any password: the login is the recipient's address.
 * Nothing leaves the machine; the mail is gone when the devstack stops.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;
    private final int pop3Port;

    private MailServer(GreenMail greenMail, int smtpPort, int imapPort, int pop3Port) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.pop3Port = pop3Port;
    }

    public static MailServer start(int smtpPort, int imapPort, int pop3Port) {
        Ports.requireFree(smtpPort, "SMTP");
        Ports.requireFree(imapPort, "IMAP");
        Ports.requireFree(pop3Port, "POP3");
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(pop3Port, "127.0.0.1", ServerSetup.PROTOCOL_POP3)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new MailServer(greenMail, smtpPort, imapPort, pop3Port);
    }

    public String host() {
        return "localhost";
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    public int pop3Port() {
        return pop3Port;
    }

    /** Every message delivered so far: one per recipient, Bcc included. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** The messages delivered to one mailbox (an address). */
    public List<MimeMessage> receivedBy(String address) {
        return greenMail.findReceivedMessages(user -> address.equalsIgnoreCase(user.getEmail()), message -> true).toList();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
