package org.evsettle.sessions.zaptec;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.evsettle.kit.api.DomainException;
import org.evsettle.kit.api.Problem;
import org.evsettle.outbox.audit.AuditTrail;
import org.evsettle.sessions.SessionSource;
import org.evsettle.sessions.config.ZaptecSettings;

/**
 * Pulls Zaptec's charge history of the installations whose API credentials operators stored: on demand, and on
 * a schedule per installation (its interval, default hourly; from the end of the previous import less the
 * overlap). Zaptec is read outside any transaction; what it answered is stored in one, all or nothing.
 */
@ApplicationScoped
public class ZaptecPull {

    /** An import asked for: the installation and the period (null: from the previous import on, to now). */
    public record Request(UUID operatorId, String installationId, Instant from, Instant to) {
    }

    private final ZaptecClient client;
    private final ZaptecImport imports;
    private final CredentialCipher cipher;
    private final ZaptecSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    public ZaptecPull(ZaptecClient client, ZaptecImport imports, CredentialCipher cipher, ZaptecSettings settings,
                      AuditTrail audit, Clock clock) {
        this.client = client;
        this.imports = imports;
        this.cipher = cipher;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores (or replaces) an installation's credentials and interval, encrypted; answers the installation. */
    public ZaptecInstallation store(UUID operatorId, String installationId, String username, String password,
                                    Duration every) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            ZaptecInstallation installation = ZaptecInstallation.<ZaptecInstallation>findByIdOptional(
                            new ZaptecInstallation.Key(operatorId, installationId), LockModeType.PESSIMISTIC_WRITE)
                    .orElseGet(() -> ZaptecInstallation.create(operatorId, installationId, now));
            boolean fresh = installation.updatedAt == null;
            String before = fresh ? null : installation.usernameHint;
            installation.usernameEncrypted = cipher.encrypt(username, context(installation, "username"));
            installation.passwordEncrypted = cipher.encrypt(password, context(installation, "password"));
            installation.usernameHint = ZaptecInstallation.mask(username);
            installation.importEvery = (every != null ? every : settings.importEvery()).toString();
            installation.updatedAt = now;
            installation.persist();
            // the trail says that the credentials changed and whose they are (masked), never what they are
            audit.record(operatorId, "ZaptecInstallation", installationId, fresh ? "CREDENTIALS_STORED"
                    : "CREDENTIALS_REPLACED", before == null ? null : java.util.Map.of("username", before),
                    java.util.Map.of("username", installation.usernameHint, "importEvery", installation.importEvery));
            Log.infof("Stored Zaptec credentials of installation %s for operator %s", installationId, operatorId);
            return installation;
        });
    }

    /** Imports the installation's sessions of the period now; answers what the import did. */
    public ZaptecImport.Outcome run(Request request) {
        ZaptecInstallation installation = QuarkusTransaction.requiringNew().call(() -> ZaptecInstallation
                .of(request.operatorId(), request.installationId())
                .orElseThrow(() -> DomainException.notFound("Zaptec installation", request.installationId())));
        Instant now = clock.instant();
        Instant to = request.to() != null ? request.to() : now;
        Instant from = request.from() != null ? request.from() : installation.importedUntil != null
                ? installation.importedUntil.minus(settings.overlap()) : to.minus(settings.firstImport());
        if (!from.isBefore(to)) {
            throw DomainException.invalid("from", "must be before to (" + to + ")");
        }
        try {
            ZaptecClient.Credentials credentials = new ZaptecClient.Credentials(
                    cipher.decrypt(installation.usernameEncrypted, context(installation, "username")),
                    cipher.decrypt(installation.passwordEncrypted, context(installation, "password")));
            List<ZaptecSessionReader.Raw> raws = client.chargeHistory(credentials, installation.installationId(),
                    from, to);
            List<ZaptecSession> sessions = checked(raws);
            ZaptecImport.Outcome outcome = QuarkusTransaction.requiringNew().call(() -> {
                ZaptecInstallation locked = ZaptecInstallation.findById(installation.key, LockModeType.PESSIMISTIC_WRITE);
                ZaptecImport.Outcome done = imports.store(installation.operatorId(), SessionSource.ZAPTEC_API,
                        installation.installationId(), sessions);
                if (locked.importedUntil == null || locked.importedUntil.isBefore(to)) {
                    locked.importedUntil = to;
                }
                locked.lastRunAt = now;
                locked.lastOutcome = "imported " + from + " to " + to + ": " + done.received() + " sessions, "
                        + done.created() + " new, " + done.corrected() + " changed, " + done.held() + " held";
                return done;
            });
            return outcome;
        } catch (DomainException e) {
            failed(installation, now, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            failed(installation, now, "failed: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** Every few minutes: each installation whose interval has passed is imported, one after the other. */
    @Scheduled(every = "${evsettle.zaptec.schedule-check-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Instant now = clock.instant();
        List<ZaptecInstallation> due = QuarkusTransaction.requiringNew().call(() -> ZaptecInstallation
                .<ZaptecInstallation>listAll().stream().filter(installation -> installation.isDue(now)).toList());
        for (ZaptecInstallation installation : due) {
            try {
                run(new Request(installation.operatorId(), installation.installationId(), null, null));
            } catch (RuntimeException e) {
                // recorded as the installation's last outcome; the next interval tries again
                Log.warnf("Scheduled Zaptec import of installation %s failed: %s", installation.installationId(),
                        e.getMessage());
            }
        }
    }

    /** The API's sessions, checked as an upload's are; one that cannot be read fails the import, storing nothing. */
    private static List<ZaptecSession> checked(List<ZaptecSessionReader.Raw> raws) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<ZaptecSession> sessions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ZaptecSessionReader.Raw raw : raws) {
            ZaptecSessionReader.check(raw, violations).ifPresent(session -> {
                // a session on two pages (the history moved while paging) is the same session
                if (ids.add(session.id())) {
                    sessions.add(session);
                }
            });
        }
        if (!violations.isEmpty()) {
            throw new DomainException(org.evsettle.kit.api.ProblemType.SERVICE_UNREACHABLE, 502,
                    "Zaptec answered sessions that cannot be read, nothing was imported: "
                            + violations.stream().limit(5).map(v -> v.field() + " " + v.message()).toList());
        }
        return sessions;
    }

    private void failed(ZaptecInstallation installation, Instant at, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            ZaptecInstallation stored = ZaptecInstallation.findById(installation.key);
            if (stored != null) {
                stored.lastRunAt = at;
                stored.lastOutcome = outcome;
            }
        });
    }

    private static String context(ZaptecInstallation installation, String field) {
        return installation.operatorId() + "/" + installation.installationId() + "/" + field;
    }
}
