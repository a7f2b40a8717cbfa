package org.evsettle.sessions.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.kit.api.DomainException;
import org.evsettle.sessions.zaptec.ZaptecMapping;

/** What operators send to import Zaptec's charge history: credentials, an import's period, a mapping. */
public final class ZaptecForms {

    private ZaptecForms() {
    }

    /** An installation's Zaptec API credentials; stored encrypted, never answered back. */
    @Schema(description = "The Zaptec Portal user the platform signs in as (it must be able to read the installation),"
            + " and how often to import")
    public record Credentials(
            @Schema(description = "The Zaptec user name (an e-mail address)", example = "billing@vve-lindelaan.nl")
            @NotBlank @Size(max = 200) String username,
            @Schema(description = "The Zaptec password; stored encrypted and never shown again", example = "s3cret-Zaptec")
            @NotBlank @Size(max = 200) String password,
            @Schema(description = "How often the schedule imports (ISO-8601, at least PT5M; empty: PT1H)",
                    example = "PT1H")
            @Size(max = 40) String importEvery) {

        public Duration every() {
            if (importEvery == null || importEvery.isBlank()) {
                return null;
            }
            try {
                Duration every = Duration.parse(importEvery.trim());
                if (every.compareTo(Duration.ofMinutes(5)) < 0 || every.compareTo(Duration.ofDays(31)) > 0) {
                    throw DomainException.invalid("importEvery", "must lie between PT5M and P31D");
                }
                return every;
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("importEvery", "must be an ISO-8601 duration such as PT1H");
            }
        }

        /** Never the password, should a record be printed. */
        @Override
        public String toString() {
            return "Credentials[importEvery=" + importEvery + "]";
        }
    }

    /** The period of an on-demand import; either end may be left out. */
    @Schema(description = "The period to import; from empty: from the end of the previous import less the overlap"
            + " (the first import: 62 days back); to empty: now")
    public record ImportPeriod(
            @Schema(description = "From (inclusive), an instant", example = "2026-01-01T00:00:00Z") Instant from,
            @Schema(description = "To (exclusive), an instant", example = "2026-02-01T00:00:00Z") Instant to) {
    }

    /** A Zaptec user, token or charger mapped to the operator's driver, card or charger. */
    @Schema(description = "Map a Zaptec UserId or TokenName to a driver (or a card, whose driver it is), or a Zaptec"
            + " ChargerId, DeviceId or DeviceName to a registered charger")
    public record Mapping(
            @Schema(description = "What of Zaptec's is mapped", example = "USER") @NotNull ZaptecMapping.Kind kind,
            @Schema(description = "Zaptec's UserId, TokenName, or ChargerId/DeviceId/DeviceName",
                    example = "5a3e0c7d-6f1b-4e2a-9c8d-7b6a5f4e3d2c")
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]+") String zaptecKey,
            @Schema(description = "The driver (USER or TOKEN)", example = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e")
            UUID driverId,
            @Schema(description = "The card (TOKEN or USER; its driver is the driver)",
                    example = "6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f")
            UUID cardId,
            @Schema(description = "The registered charger (CHARGER)", example = "ZCS000143")
            @Size(max = 100) String chargePointId) {
    }
}
