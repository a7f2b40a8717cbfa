package org.evsettle.gateway.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.gateway.IssuedCertificates;

/** A client certificate the charger CA issued to a charger (security profile 3), without the certificate itself. */
public record CertificateView(
        @Schema(description = "The certificate's serial number, lower-case hex", example = "6f1c0a9e2d4b7c3a...") String serial,
        @Schema(example = "ZAP-000123") String chargePointId,
        @Schema(description = "SHA-256 of the certificate's DER encoding, lower-case hex") String fingerprintSha256,
        Instant notBefore,
        Instant notAfter,
        Instant issuedAt,
        @Schema(description = "The charger's first connect with it; from then on it must present a certificate")
        Instant firstUsedAt,
        Instant revokedAt,
        @Schema(description = "Why it was revoked: by whom, replaced by a newer one, or refused by the charger")
        String revokedReason,
        @Schema(description = "Used, valid and not revoked: HTTP Basic alone no longer admits the charger")
        boolean inForce) {

    static CertificateView of(IssuedCertificates.Issued issued, Instant now) {
        return new CertificateView(issued.serial(), issued.chargePointId(), issued.fingerprint(), issued.notBefore(),
                issued.notAfter(), issued.issuedAt(), issued.firstUsedAt(), issued.revokedAt(), issued.revokedReason(),
                issued.inForce(now));
    }
}
