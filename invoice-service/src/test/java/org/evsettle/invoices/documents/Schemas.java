package org.evsettle.invoices.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The official schemas documents are checked against: UBL 2.1 (OASIS, shipped by ph-ubl21, which
 * imports the core component types, XML signature and XAdES schemas by namespace only: those come
 * from ph-xsds-*) and pain.008.001.02 (the ISO 20022 namespace with the EPC's SEPA restrictions,
 * shipped by hbci4j-core).
 */
public final class Schemas {

    public static final String UBL_INVOICE = "/external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd";
    public static final String UBL_CREDIT_NOTE = "/external/schemas/ubl21/maindoc/UBL-CreditNote-2.1.xsd";
    public static final String PAIN_008 = "/pain.008.001.02.xsd";
    /** ISO 20022 pain.001.001.09, as hbci4j-core ships it: the SEPA credit transfer of payouts. */
    public static final String PAIN_001 = "/pain.001.001.09.xsd";

    /** Schemas that UBL imports by namespace without a location. */
    private static final Map<String, String> BY_NAMESPACE = Map.of(
            "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2", "/schemas/CCTS_CCT_SchemaModule.xsd",
            "http://www.w3.org/2000/09/xmldsig#", "/schemas/xmldsig-core-schema.xsd",
            "http://uri.etsi.org/01903/v1.3.2#", "/schemas/XAdES01903v132-201601.xsd",
            "http://uri.etsi.org/01903/v1.4.1#", "/schemas/XAdES01903v141-201601.xsd");

    private Schemas() {
    }

    /** Throws with the schema's complaint when the XML does not conform. */
    public static void validate(String xml, String schemaResource) throws SAXException, IOException {
        URL location = Objects.requireNonNull(Schemas.class.getResource(schemaResource), schemaResource);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            String known = BY_NAMESPACE.get(namespace);
            if (known == null || (systemId != null && !systemId.isBlank())) {
                return null;
            }
            return input(Objects.requireNonNull(Schemas.class.getResource(known), known));
        });
        Schema schema = factory.newSchema(location);
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static LSInput input(URL resource) {
        try {
            DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            LSInput input = ls.createLSInput();
            InputStream stream = resource.openStream();
            input.setByteStream(stream);
            input.setSystemId(resource.toExternalForm());
            return input;
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
