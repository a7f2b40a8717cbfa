package org.evsettle.gateway;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.evsettle.gateway.config.GatewaySettings;

/**
 * The platform's charger CA (OCPP security profile 3): checks the CSR a charger sends with
 * SignCertificate (its subject names this charger as CN or serialNumber, an RSA key of at least 2048
 * bits or an EC key of at least 256, a valid signature), signs the charger's client certificate
 * (CN = chargePointId, extended key usage clientAuth) and checks a certificate a charger presents at
 * the handshake (signed by this CA, within its validity). The CA's key and certificate come from
 * files ({@code evsettle.gateway.charger-ca.*}, a Kubernetes Secret in production), or are made at
 * start-up for a local run or a test; none is ever committed. Without either, profile 3 is off.
 */
@ApplicationScoped
public class ChargerCertificateAuthority {

    private static final int SMALLEST_RSA_KEY = 2048;
    private static final int SMALLEST_EC_KEY = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<Issuer> issuer;
    private final Duration validity;
    private final Clock clock;

    /** A CSR the gateway does not sign; the message says why (for the log, never for the charger). */
    public static final class CsrRefused extends Exception {
        CsrRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Issuer(X509Certificate certificate, PrivateKey key) {
    }

    public ChargerCertificateAuthority(GatewaySettings settings, Clock clock) {
        GatewaySettings.ChargerCa ca = settings.chargerCa();
        this.validity = ca.certificateValidity();
        this.clock = clock;
        if (ca.certificateFile().isPresent() && ca.keyFile().isPresent()) {
            this.issuer = Optional.of(load(ca.certificateFile().get(), ca.keyFile().get()));
            Log.infof("Charger CA loaded from %s: %s", ca.certificateFile().get(),
                    issuer.get().certificate().getSubjectX500Principal().getName());
        } else if (ca.generate()) {
            this.issuer = Optional.of(generate(clock.instant()));
            Log.infof("Charger CA generated for this run (evsettle.gateway.charger-ca.generate): %s",
                    issuer.get().certificate().getSubjectX500Principal().getName());
        } else {
            this.issuer = Optional.empty();
        }
    }

    /** True when the gateway has a charger CA, that is, when security profile 3 is available. */
    public boolean enabled() {
        return issuer.isPresent();
    }

    /** The CA certificate, which chargers' certificates chain to. */
    public X509Certificate certificate() {
        return issuer().certificate();
    }

    /** Reads and checks a CSR from a charger; throws {@link CsrRefused} saying what is wrong with it. */
    public PKCS10CertificationRequest checkCsr(String pem, String chargePointId) throws CsrRefused {
        PKCS10CertificationRequest csr;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            if (!(read instanceof PKCS10CertificationRequest request)) {
                throw new CsrRefused("not a PEM certificate signing request");
            }
            csr = request;
        } catch (IOException | RuntimeException e) {
            throw new CsrRefused("not a PEM certificate signing request: " + e.getMessage());
        }
        List<String> names = subjectValues(csr.getSubject(), BCStyle.CN);
        List<String> serials = subjectValues(csr.getSubject(), BCStyle.SERIALNUMBER);
        if (!names.contains(chargePointId) && !serials.contains(chargePointId)) {
            throw new CsrRefused("its subject (" + csr.getSubject() + ") does not name " + chargePointId);
        }
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo());
        } catch (IOException e) {
            throw new CsrRefused("its public key cannot be read: " + e.getMessage());
        }
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < SMALLEST_RSA_KEY) {
                throw new CsrRefused("an RSA key of " + rsa.getModulus().bitLength() + " bits (at least "
                        + SMALLEST_RSA_KEY + ")");
            }
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits < SMALLEST_EC_KEY) {
                throw new CsrRefused("an EC key of " + bits + " bits (at least " + SMALLEST_EC_KEY + ")");
            }
        } else {
            throw new CsrRefused("a " + key.getAlgorithm() + " key (RSA or EC only)");
        }
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new CsrRefused("its signature does not verify");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new CsrRefused("its signature cannot be checked: " + e.getMessage());
        }
        return csr;
    }

    /** Signs a checked CSR: a client certificate for this charger, valid from now for the configured validity. */
    public X509Certificate sign(PKCS10CertificationRequest csr, String chargePointId) {
        Issuer ca = issuer();
        Instant now = clock.instant();
        try {
            PublicKey key = new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serialNumber(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)),
                    new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, chargePointId).build(), key);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(key instanceof RSAPublicKey
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca.certificate()));
            return toCertificate(builder.build(signer(ca.key())));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign a certificate for " + chargePointId, e);
        }
    }

    /**
     * What is wrong with a certificate a charger presents, or empty when this CA signed it and it is
     * within its validity now. (Whether it names the charger and is still ours to honour, the caller checks.)
     */
    public Optional<String> problemWith(X509Certificate presented, Instant now) {
        Issuer ca = issuer();
        if (!presented.getIssuerX500Principal().equals(ca.certificate().getSubjectX500Principal())) {
            return Optional.of("issued by another CA (" + presented.getIssuerX500Principal().getName() + ")");
        }
        try {
            presented.verify(ca.certificate().getPublicKey());
        } catch (GeneralSecurityException e) {
            return Optional.of("not signed by the charger CA");
        }
        if (now.isBefore(presented.getNotBefore().toInstant())) {
            return Optional.of("not valid before " + presented.getNotBefore().toInstant());
        }
        if (now.isAfter(presented.getNotAfter().toInstant())) {
            return Optional.of("expired at " + presented.getNotAfter().toInstant());
        }
        return Optional.empty();
    }

    /** The certificate and the CA's, in PEM, as CertificateSigned carries them. */
    public String chainPem(X509Certificate certificate) {
        return pem(certificate) + pem(certificate());
    }

    /** The common name of a certificate's subject, or empty. */
    public static Optional<String> commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return subjectValues(subject, BCStyle.CN).stream().findFirst();
    }

    /** The serial number in lower-case hex, as the certificates table and the API write it. */
    public static String serialOf(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    /** Lower-case hex SHA-256 of the certificate's DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode a certificate", e);
        }
    }

    /** PEM of a certificate, a CSR or a private key (PKCS#8, "PRIVATE KEY"). */
    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (object instanceof PrivateKey key) {
                writer.writeObject(new JcaPKCS8Generator(key, null));
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Issuer issuer() {
        return issuer.orElseThrow(() -> new IllegalStateException("No charger CA is configured"));
    }

    private static List<String> subjectValues(X500Name name, ASN1ObjectIdentifier attribute) {
        return Arrays.stream(name.getRDNs(attribute))
                .map(rdn -> IETFUtils.valueToString(rdn.getFirst().getValue()))
                .toList();
    }

    /** 127 random bits, positive, as RFC 5280 asks (at most 20 octets, unpredictable). */
    private static BigInteger serialNumber() {
        return new BigInteger(127, RANDOM).setBit(120);
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaContentSignerBuilder(algorithm).build(key);
    }

    private static X509Certificate toCertificate(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static Issuer load(Path certificateFile, Path keyFile) {
        try (Reader certificateIn = Files.newBufferedReader(certificateFile);
             PEMParser certificates = new PEMParser(certificateIn);
             Reader keyIn = Files.newBufferedReader(keyFile);
             PEMParser keys = new PEMParser(keyIn)) {
            Object certificate = certificates.readObject();
            if (!(certificate instanceof X509CertificateHolder holder)) {
                throw new IllegalStateException(certificateFile + " holds no PEM certificate");
            }
            Object key = keys.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey privateKey;
            if (key instanceof PEMKeyPair pair) {
                privateKey = converter.getKeyPair(pair).getPrivate();
            } else if (key instanceof PrivateKeyInfo info) {
                privateKey = converter.getPrivateKey(info);
            } else {
                throw new IllegalStateException(keyFile + " holds no unencrypted PEM private key");
            }
            return new Issuer(toCertificate(holder), privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the charger CA from " + certificateFile + " and " + keyFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the charger CA certificate " + certificateFile, e);
        }
    }

    /** A throw-away CA (EC P-256, ten years) for a local run or a test. */
    static Issuer generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=EV Settle charger CA (generated " + now + "),O=EV Settle");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serialNumber(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            return new Issuer(toCertificate(builder.build(signer(pair.getPrivate()))), pair.getPrivate());
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot generate a charger CA", e);
        }
    }
}
