package org.evsettle.sessions.zaptec;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A Zaptec installation an operator imports from (table {@code zaptec_installation}): the API credentials,
 * encrypted ({@link CredentialCipher}) and never answered back, how often to import, and how far it got.
 */
@Entity
@Table(name = "zaptec_installation")
public class ZaptecInstallation extends PanacheEntityBase {

    /** The operator and Zaptec's installation id. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "operator_id")
        public UUID operatorId;
        @Column(name = "installation_id")
        public String installationId;

        public Key() {
        }

        Key(UUID operatorId, String installationId) {
            this.operatorId = operatorId;
            this.installationId = installationId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(operatorId, key.operatorId)
                    && Objects.equals(installationId, key.installationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(operatorId, installationId);
        }
    }

    @EmbeddedId
    public Key key;
    @Column(name = "username_encrypted")
    public String usernameEncrypted;
    @Column(name = "password_encrypted")
    public String passwordEncrypted;
    /** The username masked (first letter and domain), the one hint the API shows of the credentials. */
    @Column(name = "username_hint")
    public String usernameHint;
    /** ISO-8601 duration between scheduled imports. */
    @Column(name = "import_every")
    public String importEvery;
    /** The end of the latest period imported; the next scheduled import reads from it, less the overlap. */
    @Column(name = "imported_until")
    public Instant importedUntil;
    @Column(name = "last_run_at")
    public Instant lastRunAt;
    /** What the latest run did, in words (never a credential). */
    @Column(name = "last_outcome")
    public String lastOutcome;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ZaptecInstallation> of(UUID operatorId, String installationId) {
        return findByIdOptional(new Key(operatorId, installationId));
    }

    static ZaptecInstallation create(UUID operatorId, String installationId, Instant now) {
        ZaptecInstallation installation = new ZaptecInstallation();
        installation.key = new Key(operatorId, installationId);
        installation.createdAt = now;
        return installation;
    }

    public static List<ZaptecInstallation> ofOperator(UUID operatorId) {
        return list("key.operatorId", Sort.by("key.installationId"), operatorId);
    }

    public UUID operatorId() {
        return key.operatorId;
    }

    public String installationId() {
        return key.installationId;
    }

    public Duration every() {
        return Duration.parse(importEvery);
    }

    /** Due for its scheduled import: never run, or its interval passed since the last run. */
    public boolean isDue(Instant now) {
        return lastRunAt == null || !lastRunAt.plus(every()).isAfter(now);
    }

    /** The username as the API may show it: the first letter, then stars, then the domain of an e-mail. */
    static String mask(String username) {
        int at = username.indexOf('@');
        String local = at < 0 ? username : username.substring(0, at);
        String shown = local.isEmpty() ? "" : local.substring(0, 1);
        return shown + "***" + (at < 0 ? "" : username.substring(at));
    }
}
