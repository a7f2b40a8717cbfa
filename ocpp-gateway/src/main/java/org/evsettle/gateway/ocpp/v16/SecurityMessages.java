package org.evsettle.gateway.ocpp.v16;

/** OCPP 1.6 security extension payloads a charger sends: SignCertificate and SecurityEventNotification. */
public final class SecurityMessages {

    private SecurityMessages() {
    }

    /** csr is a PEM PKCS#10 certificate signing request. */
    public record SignCertificateRequest(String csr) {
    }

    /** status is Accepted or Rejected. */
    public record SignCertificateResponse(String status) {
    }

    public record SecurityEventNotificationRequest(String type, String timestamp, String techInfo) {
    }

    public record SecurityEventNotificationResponse() {
    }
}
