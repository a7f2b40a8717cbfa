package org.evsettle.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A simulated charge point's side of security profile 3 (OCPP 1.6 security extension): it answers
 * ExtendedTriggerMessage SignChargePointCertificate with Accepted, makes a new key pair (EC P-256)
 * and sends SignCertificate with a CSR whose CN is its chargePointId (or a chosen name, to test a
 * refusal), and installs the chain CertificateSigned gives it; {@link #tls(ChargerTls)} is then the
 * TLS it reconnects with. It may also ask by itself ({@link #requestCertificate()}), as a renewal.
 */
public final class CertificateEnrollment {

    private final ChargePointSimulator charger;
    private final String subjectName;
    private volatile KeyPair keyPair;
    private volatile CompletableFuture<JsonNode> signAnswer = new CompletableFuture<>();
    private volatile CompletableFuture<List<X509Certificate>> installed = new CompletableFuture<>();

    private CertificateEnrollment(ChargePointSimulator charger, String subjectName) {
        this.charger = charger;
        this.subjectName = subjectName;
    }

    /** Answers the trigger and CertificateSigned on this charger, with a CSR naming the charger itself. */
    public static CertificateEnrollment on(ChargePointSimulator charger) {
        return on(charger, charger.chargePointId());
    }

    /** The same, with a CSR whose CN is this name. */
    public static CertificateEnrollment on(ChargePointSimulator charger, String subjectName) {
        CertificateEnrollment enrollment = new CertificateEnrollment(charger, subjectName);
        charger.onCall("ExtendedTriggerMessage", payload -> {
            if (!"SignChargePointCertificate".equals(payload.path("requestedMessage").asText())) {
                return Map.of("status", "NotImplemented");
            }
            // answered first, as a charger does; the CSR follows
            CompletableFuture.runAsync(enrollment::requestCertificate,
                    CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
            return Map.of("status", "Accepted");
        });
        charger.onCall("CertificateSigned", payload -> enrollment.install(payload.path("certificateChain").asText()));
        return enrollment;
    }

    /** Sends SignCertificate with a CSR for a new key pair; the answer arrives in {@link #signCertificateAnswer()}. */
    public void requestCertificate() {
        KeyPair pair = newKeyPair();
        // a test may already wait on the futures of this round (the trigger's CSR follows its answer)
        if (signAnswer.isDone()) {
            signAnswer = new CompletableFuture<>();
        }
        if (installed.isDone()) {
            installed = new CompletableFuture<>();
        }
        CompletableFuture<JsonNode> answer = signAnswer;
        keyPair = pair;
        charger.callAsync("SignCertificate", Map.of("csr", csr(pair))).whenComplete((result, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(result);
            }
        });
    }

    /** The central system's answer to the current SignCertificate (the next one's once this one has come). */
    public CompletableFuture<JsonNode> signCertificateAnswer() {
        return signAnswer;
    }

    /** The chain CertificateSigned delivers for the current CSR (leaf first). */
    public CompletableFuture<List<X509Certificate>> installed() {
        return installed;
    }

    /** The given trust, presenting the installed certificate with its key. */
    public ChargerTls tls(ChargerTls trust) {
        List<X509Certificate> chain = installed.getNow(null);
        if (chain == null) {
            throw new IllegalStateException(charger.chargePointId() + " has no certificate installed");
        }
        return trust.withClientCertificate(keyPair.getPrivate(), chain.toArray(X509Certificate[]::new));
    }

    private Map<String, String> install(String pem) {
        try {
            List<X509Certificate> chain = ChargerTls.readPem(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            boolean ours = !chain.isEmpty() && chain.get(0).getPublicKey().equals(keyPair.getPublic());
            if (!ours) {
                return Map.of("status", "Rejected");
            }
            installed.complete(chain);
            return Map.of("status", "Accepted");
        } catch (GeneralSecurityException | RuntimeException e) {
            return Map.of("status", "Rejected");
        }
    }

    private String csr(KeyPair pair) {
        try {
            var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "EV Settle test")
                    .addRDN(BCStyle.CN, subjectName).build();
            var request = new JcaPKCS10CertificationRequestBuilder(subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(request);
            }
            return out.toString();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot make a CSR", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
