package org.evsettle.invoices.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;

/**
 * The business rules a Peppol BIS Billing 3.0 invoice or credit note must pass, as OpenPeppol publishes
 * them for release 2025.11: the EN 16931 rules (CEN-EN16931-UBL) and the Peppol rules with their
 * national ones (PEPPOL-EN16931-UBL), each the official schematron compiled to XSLT, shipped by
 * phive-rules-peppol and run here with Saxon. An assertion flagged fatal is an error, as access points
 * reject the document for it; a warning is not.
 */
public final class PeppolRules {

    public static final String RELEASE = "2025.11";
    private static final String BASE = "/external/schematron/openpeppol/" + RELEASE + "/xslt/";
    private static final Processor SAXON = new Processor(false);
    private static final List<XsltExecutable> RULE_SETS = List.of(
            compile(BASE + "CEN-EN16931-UBL.xslt"), compile(BASE + "PEPPOL-EN16931-UBL.xslt"));

    /** A rule the document broke: its id (BR-CO-15, PEPPOL-EN16931-R001, NL-R-003 ...), its flag and text. */
    public record Finding(String id, String flag, String location, String text) {

        boolean fatal() {
            return "fatal".equals(flag) || "error".equals(flag);
        }

        @Override
        public String toString() {
            return "[" + flag + "] " + text + " at " + location;
        }
    }

    private PeppolRules() {
    }

    /** The errors the rules find in the document: empty when it passes. */
    public static List<Finding> errors(String xml) {
        return findings(xml).stream().filter(Finding::fatal).toList();
    }

    /** Every failed assertion, errors and warnings. */
    public static List<Finding> findings(String xml) {
        List<Finding> found = new ArrayList<>();
        for (XsltExecutable rules : RULE_SETS) {
            found.addAll(check(rules, xml));
        }
        return found;
    }

    private static List<Finding> check(XsltExecutable rules, String xml) {
        try {
            XsltTransformer transformer = rules.load();
            transformer.setSource(new StreamSource(new StringReader(xml)));
            XdmDestination report = new XdmDestination();
            transformer.setDestination(report);
            transformer.transform();
            XPathCompiler xpath = SAXON.newXPathCompiler();
            xpath.declareNamespace("svrl", "http://purl.oclc.org/dsdl/svrl");
            List<Finding> findings = new ArrayList<>();
            for (XdmItem item : xpath.evaluate("//svrl:failed-assert", report.getXdmNode())) {
                XdmNode assertion = (XdmNode) item;
                findings.add(new Finding(assertion.attribute("id"), assertion.attribute("flag"),
                        assertion.attribute("location"),
                        xpath.evaluateSingle("normalize-space(svrl:text)", assertion).getStringValue()));
            }
            return findings;
        } catch (SaxonApiException e) {
            throw new IllegalStateException("The rules could not be run on the document", e);
        }
    }

    private static XsltExecutable compile(String resource) {
        URL location = Objects.requireNonNull(PeppolRules.class.getResource(resource), resource);
        try (InputStream in = location.openStream()) {
            return SAXON.newXsltCompiler().compile(new StreamSource(in, location.toExternalForm()));
        } catch (IOException | SaxonApiException e) {
            throw new IllegalStateException("Cannot compile " + resource, e);
        }
    }
}
