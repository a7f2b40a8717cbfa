package org.evsettle.gateway.ocpp;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.TrustOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.evsettle.gateway.ChargerCertificateAuthority;

/**
 * With a charger CA (security profile 3), the gateway's TLS port asks every client for a certificate
 * but does not require one, so that profile-2 chargers (Basic over TLS) share the port. The TLS layer
 * takes whatever certificate the client proves it holds the key of (the handshake's CertificateVerify);
 * whether it admits a charger is decided at the WebSocket handshake by {@link ClientCertificateCheck},
 * so that a foreign, expired or revoked certificate is answered with HTTP 401 rather than a TLS alert
 * the charger cannot tell from a network fault. The CA is named to clients as the accepted issuer.
 */
@ApplicationScoped
public class ClientCertificateRequest implements HttpServerOptionsCustomizer {

    private final ChargerCertificateAuthority ca;

    public ClientCertificateRequest(ChargerCertificateAuthority ca) {
        this.ca = ca;
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        if (!ca.enabled()) {
            return;
        }
        options.setClientAuth(ClientAuth.REQUEST);
        options.setTrustOptions(TrustOptions.wrap(new DecidedAtTheHandshake(ca.certificate())));
    }

    /** Takes any client certificate at the TLS layer; {@link ClientCertificateCheck} decides. Trusts no server. */
    private static final class DecidedAtTheHandshake extends X509ExtendedTrustManager {
        private final X509Certificate[] issuers;

        DecidedAtTheHandshake(X509Certificate ca) {
            this.issuers = new X509Certificate[] {ca};
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // checked at the WebSocket handshake
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // checked at the WebSocket handshake
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // checked at the WebSocket handshake
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws
                java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("The gateway's server side trusts no server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws
                java.security.cert.CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws
                java.security.cert.CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return issuers.clone();
        }
    }
}
