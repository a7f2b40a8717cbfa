package org.evsettle.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Key pairs and certificates made for a test run (never committed): a CA whose files the gateway is
 * given as its charger CA, a foreign CA, certificates signed at will (an expired one, say), and the
 * gateway's own TLS key store for localhost.
 */
final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /** A CA: its key pair and self-signed certificate. */
    record Ca(KeyPair keys, X509Certificate certificate) {

        /** A certificate for this public key with CN = name, signed by this CA, valid in [from, until]. */
        X509Certificate sign(String commonName, PublicKey key, Instant from, Instant until) {
            try {
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate,
                        new BigInteger(127, RANDOM).setBit(120), Date.from(from), Date.from(until),
                        new X500Name("CN=" + commonName), key);
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                return convert(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Writes the certificate and the key as PEM files; returns the certificate's path (the key's is beside it). */
        Path write(Path directory, String name) {
            try {
                Files.createDirectories(directory);
                Files.writeString(directory.resolve(name + ".crt"), ChargerCertificateAuthority.pem(certificate));
                Files.writeString(directory.resolve(name + ".key"), ChargerCertificateAuthority.pem(keys.getPrivate()));
                return directory.resolve(name + ".crt");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Ca newCa(String name) {
        KeyPair keys = ecKeyPair();
        try {
            X500Name subject = new X500Name("CN=" + name);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(RANDOM.nextInt(1, Integer.MAX_VALUE)),
                    Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            return new Ca(keys, convert(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))));
        } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gateway's TLS identity for localhost, self-signed, in a PKCS#12 key store; returns its certificate. */
    static X509Certificate serverKeyStore(Path file, String password) {
        KeyPair keys = ecKeyPair();
        try {
            X500Name subject = new X500Name("CN=localhost");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(RANDOM.nextInt(1, Integer.MAX_VALUE)),
                    Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            X509Certificate certificate = convert(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("gateway", keys.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return certificate;
        } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate convert(org.bouncycastle.cert.X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
