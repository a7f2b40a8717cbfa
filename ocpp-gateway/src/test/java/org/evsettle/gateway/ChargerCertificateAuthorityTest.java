package org.evsettle.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/** What the charger CA signs and what it refuses, without a gateway around it. */
class ChargerCertificateAuthorityTest {

    private final ChargerCertificateAuthority ca = new ChargerCertificateAuthority(
            TestSettings.with(Map.of("charger-ca.generate", "true", "charger-ca.certificate-validity", "P30D")),
            Clock.systemUTC());

    @Test
    void signsACsrNamingTheChargerAsAClientCertificateOfTheConfiguredValidity() throws Exception {
        KeyPair keys = TestCertificates.ecKeyPair();

        X509Certificate signed = ca.sign(ca.checkCsr(csr("CN=ZAP-000123,O=Operator", keys, "SHA256withECDSA"), "ZAP-000123"),
                "ZAP-000123");

        assertThat(ChargerCertificateAuthority.commonName(signed)).contains("ZAP-000123");
        assertThat(signed.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(Duration.between(Instant.now(), signed.getNotAfter().toInstant())).isBetween(Duration.ofDays(29),
                Duration.ofDays(30));
        assertThat(ca.problemWith(signed, Instant.now())).isEmpty();
        assertThat(ca.problemWith(signed, Instant.now().plus(Duration.ofDays(31)))).hasValueSatisfying(
                problem -> assertThat(problem).startsWith("expired"));
    }

    @Test
    void takesTheSerialNumberAttributeAsTheChargersNameToo() throws Exception {
        KeyPair keys = TestCertificates.ecKeyPair();

        assertThat(ca.checkCsr(csr("CN=Zaptec Go2,SERIALNUMBER=ZCS000143", keys, "SHA256withECDSA"), "ZCS000143")).isNotNull();
    }

    @Test
    void refusesACsrForAnotherChargerAWeakKeyOrNoCsrAtAll() throws Exception {
        KeyPair ec = TestCertificates.ecKeyPair();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair weak = rsa.generateKeyPair();

        assertThatThrownBy(() -> ca.checkCsr(csr("CN=ZAP-000999", ec, "SHA256withECDSA"), "ZAP-000123"))
                .hasMessageContaining("does not name ZAP-000123");
        assertThatThrownBy(() -> ca.checkCsr(csr("CN=ZAP-000123", weak, "SHA256withRSA"), "ZAP-000123"))
                .hasMessageContaining("RSA key of 1024 bits");
        assertThatThrownBy(() -> ca.checkCsr("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
                "ZAP-000123")).isInstanceOf(ChargerCertificateAuthority.CsrRefused.class);
        assertThatThrownBy(() -> ca.checkCsr("hello", "ZAP-000123")).hasMessageContaining("not a PEM certificate signing request");
    }

    @Test
    void refusesACertificateOfAnotherCa() {
        KeyPair keys = TestCertificates.ecKeyPair();
        Instant now = Instant.now();
        X509Certificate foreign = TestCertificates.newCa("Another CA").sign("ZAP-000123", keys.getPublic(),
                now.minusSeconds(60), now.plusSeconds(3600));

        assertThat(ca.problemWith(foreign, now)).hasValueSatisfying(problem -> assertThat(problem).contains("another CA"));
    }

    private static String csr(String subject, KeyPair keys, String algorithm) throws Exception {
        return ChargerCertificateAuthority.pem(new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
    }
}
