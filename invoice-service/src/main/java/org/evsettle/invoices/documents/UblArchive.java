package org.evsettle.invoices.documents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.evsettle.invoices.BillingRun;
import org.evsettle.invoices.DocumentKind;
import org.evsettle.invoices.Invoice;

/**
 * The UBL files of a billing run as one ZIP, for the operator to hand to its Peppol access point: one
 * entry per invoice or credit note the run issued, named by its number, in the order of the numbers.
 * Documents of customers Peppol cannot reach (private customers, companies of which no number is known)
 * are in the folder {@value #NOT_ON_PEPPOL}: they are for the bookkeeping, and sent to an access point
 * they would only come back to the operator.
 * It is written as it is read, a chunk of documents per transaction, so a run of any size streams in
 * little memory and holds no transaction while the client reads.
 */
public final class UblArchive {

    static final int CHUNK = 100;
    public static final String NOT_ON_PEPPOL = "not-on-peppol/";

    private UblArchive() {
    }

    /** The ids of the invoices and credit notes the run issued, in the order of their numbers. */
    public static List<UUID> documentsOf(BillingRun run) {
        return Invoice.getEntityManager().createQuery("""
                        select i.id from Invoice i
                        where i.billingRunId = :run and i.operatorId = :operator and i.kind in :kinds and i.number is not null
                        order by i.number""", UUID.class)
                .setParameter("run", run.id)
                .setParameter("operator", run.operatorId)
                .setParameter("kinds", List.of(DocumentKind.INVOICE, DocumentKind.CREDIT_NOTE))
                .getResultList();
    }

    /** Writes the ZIP of these documents' UBL to out (left open for its owner to close). */
    public static void write(List<UUID> documentIds, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (int from = 0; from < documentIds.size(); from += CHUNK) {
            List<UUID> chunk = documentIds.subList(from, Math.min(from + CHUNK, documentIds.size()));
            for (Map.Entry<String, String> file : QuarkusTransaction.requiringNew().call(() -> render(chunk))) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        zip.finish();
        zip.flush();
    }

    /** The file name and UBL of each document, in the order asked for. */
    private static List<Map.Entry<String, String>> render(List<UUID> chunk) {
        Map<UUID, Integer> order = new HashMap<>();
        chunk.forEach(id -> order.put(id, order.size()));
        List<Invoice> documents = new ArrayList<>(Invoice.<Invoice>list("id in ?1", chunk));
        documents.sort(Comparator.comparing(d -> order.get(d.id)));
        List<Map.Entry<String, String>> files = new ArrayList<>(documents.size());
        for (Invoice document : documents) {
            DocumentContent content = DocumentContent.of(document);
            String folder = PeppolParty.onPeppol(document.customer) ? "" : NOT_ON_PEPPOL;
            files.add(Map.entry(folder + content.fileName("xml"), UblDocument.write(content)));
        }
        return files;
    }
}
