package org.evsettle.sessions.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evsettle.sessions.ChargingSession;
import org.evsettle.sessions.SessionSource;
import org.evsettle.sessions.SessionStatus;
import org.evsettle.sessions.zaptec.ZaptecImport;
import org.evsettle.sessions.zaptec.ZaptecInstallation;
import org.evsettle.sessions.zaptec.ZaptecMapping;
import org.evsettle.sessions.zaptec.ZaptecMappings;
import org.evsettle.sessions.zaptec.ZaptecSessionFacts;

/** How the Zaptec import answers: installations (never their credentials), imports, the review list, mappings. */
public final class ZaptecViews {

    private ZaptecViews() {
    }

    @Schema(description = "A Zaptec installation the operator imports from: that credentials are set, never what they are")
    public record Installation(String installationId, boolean credentialsSet,
                               @Schema(description = "The username masked", example = "b***@vve-lindelaan.nl")
                               String username, String importEvery, Instant importedUntil, Instant lastRunAt,
                               String lastOutcome) {
        static Installation of(ZaptecInstallation installation) {
            return new Installation(installation.installationId(), installation.passwordEncrypted != null,
                    installation.usernameHint, installation.importEvery, installation.importedUntil,
                    installation.lastRunAt, installation.lastOutcome);
        }
    }

    @Schema(description = "What an import did: sessions received, created, completed (announced), held for review,"
            + " changed at Zaptec (restated), unchanged")
    public record Import(int received, int created, int completed, int held, int corrected, int unchanged,
                         List<UUID> sessionIds) {
        static Import of(ZaptecImport.Outcome outcome) {
            return new Import(outcome.received(), outcome.created(), outcome.completed(), outcome.held(),
                    outcome.corrected(), outcome.unchanged(), outcome.sessionIds());
        }
    }

    @Schema(description = "An imported session waiting for review: held, with why, and Zaptec's words for who and where")
    public record Review(UUID sessionId, String zaptecId, SessionSource source, SessionStatus status,
                         String heldReason, String chargePointId, UUID chargerId, UUID driverId, Instant startedAt,
                         Instant stoppedAt, BigDecimal energyKwh, String zaptecUserId, String userEmail,
                         String userFullName, String tokenName, String zaptecCharger, String deviceId,
                         String deviceName) {
        static Review of(ChargingSession session, ZaptecSessionFacts facts) {
            return new Review(session.id, facts.zaptecId, session.source, session.status, session.heldReason,
                    session.chargePointId, session.chargerId, session.driverId, session.startedAt, session.stoppedAt,
                    facts.energyKwh, facts.zaptecUserId, facts.userEmail, facts.userFullName, facts.tokenName,
                    facts.zaptecCharger, facts.deviceId, facts.deviceName);
        }
    }

    @Schema(description = "A mapping an operator set")
    public record Mapping(ZaptecMapping.Kind kind, String zaptecKey, UUID driverId, UUID cardId, String chargePointId,
                          String setBy, Instant setAt) {
        static Mapping of(ZaptecMapping mapping) {
            return new Mapping(mapping.key.kind, mapping.key.zaptecKey, mapping.driverId, mapping.cardId,
                    mapping.chargePointId, mapping.setBy, mapping.setAt);
        }
    }

    @Schema(description = "A mapping set, the waiting sessions it matched, and those it let complete")
    public record MappingSet(Mapping mapping, List<UUID> matched, List<UUID> completed) {
        static MappingSet of(ZaptecMappings.Outcome outcome) {
            return new MappingSet(Mapping.of(outcome.mapping()), outcome.matched(), outcome.completed());
        }
    }
}
