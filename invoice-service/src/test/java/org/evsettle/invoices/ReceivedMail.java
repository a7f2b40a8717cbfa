package org.evsettle.invoices;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evsettle.testkit.InfrastructureResource;

/** A message as the devstack's mail server received it, taken apart: headers, the text, the attachments by name. */
record ReceivedMail(String fromName, String fromAddress, List<String> replyTo, List<String> to, String messageId,
                    String subject, String text, Map<String, byte[]> attachments) {

    /** What the mailbox of this address holds, in the order it came. */
    static List<ReceivedMail> inMailboxOf(String address) {
        return InfrastructureResource.stack().mail().receivedBy(address).stream().map(ReceivedMail::of).toList();
    }

    static ReceivedMail of(MimeMessage message) {
        try {
            InternetAddress from = (InternetAddress) message.getFrom()[0];
            StringBuilder text = new StringBuilder();
            Map<String, byte[]> attachments = new LinkedHashMap<>();
            collect(message, text, attachments);
            return new ReceivedMail(from.getPersonal(), from.getAddress(), addresses(message.getReplyTo()),
                    addresses(message.getRecipients(Message.RecipientType.TO)), message.getMessageID(),
                    message.getSubject(), text.toString(), attachments);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable message", e);
        }
    }

    private static void collect(Part part, StringBuilder text, Map<String, byte[]> attachments) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, attachments);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            attachments.put(part.getFileName(), part.getInputStream().readAllBytes());
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        }
    }

    private static List<String> addresses(jakarta.mail.Address[] addresses) {
        return addresses == null ? List.of()
                : Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }
}
