package org.evsettle.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * TLS as a charge point holds it: the CAs it trusts for the central system's certificate (security
 * profile 2) and, on profile 3, its own key and certificate chain, which it presents whenever the
 * server asks (as an embedded TLS stack with one configured certificate does, whatever issuers the
 * server names). JDK only, so that the load generator can use it without test-kit's dependencies.
 */
public final class ChargerTls {

    private static final String ALIAS = "charger";

    private final List<X509Certificate> trusted;
    private final PrivateKey key;
    private final X509Certificate[] chain;

    private ChargerTls(List<X509Certificate> trusted, PrivateKey key, X509Certificate[] chain) {
        this.trusted = List.copyOf(trusted);
        this.key = key;
        this.chain = chain;
    }

    /** Trusts these CA (or self-signed server) certificates. */
    public static ChargerTls trusting(Collection<X509Certificate> certificates) {
        return new ChargerTls(new ArrayList<>(certificates), null, null);
    }

    /** Trusts the certificates of a PEM file or of a PKCS#12 / JKS trust store (password may be null for PEM). */
    public static ChargerTls trusting(Path file, String password) {
        try {
            if (file.toString().endsWith(".pem") || file.toString().endsWith(".crt")) {
                return trusting(readPem(file));
            }
            KeyStore store = load(file, password);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                Certificate certificate = store.getCertificate(aliases.nextElement());
                if (certificate instanceof X509Certificate x509) {
                    certificates.add(x509);
                }
            }
            return trusting(certificates);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the trust store " + file + ": " + e.getMessage(), e);
        }
    }

    /** The same trust, presenting this key and certificate chain (leaf first) as the client certificate. */
    public ChargerTls withClientCertificate(PrivateKey clientKey, X509Certificate... clientChain) {
        return new ChargerTls(trusted, clientKey, clientChain.clone());
    }

    /** The same trust, presenting the first key entry of a PKCS#12 key store. */
    public ChargerTls withClientKeyStore(Path file, String password) {
        try {
            KeyStore store = load(file, password);
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (store.isKeyEntry(alias)) {
                    Certificate[] certificates = store.getCertificateChain(alias);
                    X509Certificate[] x509 = new X509Certificate[certificates.length];
                    for (int i = 0; i < certificates.length; i++) {
                        x509[i] = (X509Certificate) certificates[i];
                    }
                    return withClientCertificate((PrivateKey) store.getKey(alias, password.toCharArray()), x509);
                }
            }
            throw new IllegalArgumentException(file + " holds no key entry");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** The client certificate this charger presents, if any. */
    public X509Certificate clientCertificate() {
        return chain == null ? null : chain[0];
    }

    public SSLContext sslContext() {
        try {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                trustStore.setCertificateEntry("trusted-" + i, trusted.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManager[] keys = key == null ? null : new KeyManager[] {new OneCertificate(key, chain)};
            context.init(keys, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the charger's TLS context", e);
        }
    }

    /** A JDK HTTP client (for WebSockets) with this TLS. */
    public HttpClient newClient() {
        return HttpClient.newBuilder().sslContext(sslContext()).build();
    }

    /** Every certificate of a PEM file. */
    public static List<X509Certificate> readPem(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return readPem(in);
        }
    }

    /** Every certificate of a PEM text (a chain, as CertificateSigned carries it). */
    public static List<X509Certificate> readPem(InputStream in) throws GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }

    /** Presents its one certificate whenever asked. */
    private static final class OneCertificate extends X509ExtendedKeyManager {
        private final PrivateKey key;
        private final X509Certificate[] chain;

        OneCertificate(PrivateKey key, X509Certificate[] chain) {
            this.key = key;
            this.chain = chain;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain.clone();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }
}
