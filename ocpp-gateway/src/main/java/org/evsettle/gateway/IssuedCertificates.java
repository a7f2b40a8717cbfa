package org.evsettle.gateway;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The client certificates the charger CA issued, and the chargers an operator asked one for, in the
 * gateway's database (tables {@code issued_certificate} and {@code certificate_request}), so that
 * every replica admits and refuses alike. A certificate is in force from its charger's first connect
 * with it until it expires or is revoked; that first connect revokes the charger's older certificates
 * (a renewal replaces them). Plain JDBC, blocking: callers run it off the event loop.
 */
@ApplicationScoped
public class IssuedCertificates {

    private static final String COLUMNS = "serial, charge_point_id, fingerprint_sha256, not_before, not_after, issued_at, "
            + "first_used_at, revoked_at, revoked_reason";

    private final AgroalDataSource dataSource;

    public IssuedCertificates(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One issued certificate, without its PEM. */
    public record Issued(String serial, String chargePointId, String fingerprint, Instant notBefore, Instant notAfter,
                         Instant issuedAt, Instant firstUsedAt, Instant revokedAt, String revokedReason) {

        /** Basic alone no longer admits the charger: it connected with this certificate, which is valid and not revoked. */
        public boolean inForce(Instant now) {
            return firstUsedAt != null && revokedAt == null && now.isBefore(notAfter) && !now.isBefore(notBefore);
        }
    }

    /** Remembers that an operator asked for a certificate for this charger (its next CSR is signed). */
    public void requested(String chargePointId, String requestedBy, Instant at) {
        update("INSERT INTO certificate_request (charge_point_id, requested_at, requested_by) VALUES (?, ?, ?) "
                + "ON CONFLICT (charge_point_id) DO UPDATE SET requested_at = EXCLUDED.requested_at, "
                + "requested_by = EXCLUDED.requested_by", chargePointId, Timestamp.from(at), requestedBy);
    }

    /**
     * Whether a CSR from this charger may be signed: an operator asked for it, or the charger holds a
     * certificate of ours that is valid and not revoked (a renewal).
     */
    public boolean maySign(String chargePointId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT EXISTS (SELECT 1 FROM certificate_request WHERE charge_point_id = ?) "
                             + "OR EXISTS (SELECT 1 FROM issued_certificate WHERE charge_point_id = ? AND revoked_at IS NULL "
                             + "AND first_used_at IS NOT NULL AND not_after > ?)")) {
            statement.setString(1, chargePointId);
            statement.setString(2, chargePointId);
            statement.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the certificate requests of " + chargePointId, e);
        }
    }

    /** Records a certificate just signed for a charger and closes the operator's request. */
    public void issued(String chargePointId, X509Certificate certificate, String pem, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO issued_certificate (serial, "
                    + "charge_point_id, fingerprint_sha256, not_before, not_after, issued_at, certificate_pem) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement done = connection.prepareStatement(
                         "DELETE FROM certificate_request WHERE charge_point_id = ?")) {
                insert.setString(1, ChargerCertificateAuthority.serialOf(certificate));
                insert.setString(2, chargePointId);
                insert.setString(3, ChargerCertificateAuthority.fingerprint(certificate));
                insert.setTimestamp(4, Timestamp.from(certificate.getNotBefore().toInstant()));
                insert.setTimestamp(5, Timestamp.from(certificate.getNotAfter().toInstant()));
                insert.setTimestamp(6, Timestamp.from(at));
                insert.setString(7, pem);
                insert.executeUpdate();
                done.setString(1, chargePointId);
                done.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the certificate issued to " + chargePointId, e);
        }
    }

    public Optional<Issued> find(String serial) {
        List<Issued> found = query("SELECT " + COLUMNS + " FROM issued_certificate WHERE serial = ?", serial);
        return found.stream().findFirst();
    }

    /** The charger's certificates, newest first. */
    public List<Issued> of(String chargePointId) {
        return query("SELECT " + COLUMNS + " FROM issued_certificate WHERE charge_point_id = ? ORDER BY issued_at DESC, "
                + "serial", chargePointId);
    }

    /** True when a certificate of this charger is in force: it must present one to connect. */
    public boolean anyInForce(String chargePointId, Instant now) {
        return of(chargePointId).stream().anyMatch(issued -> issued.inForce(now));
    }

    /**
     * The charger connected with this certificate: from its first use it is in force, and the charger's
     * other certificates that were not revoked are revoked as replaced.
     */
    public void used(String chargePointId, String serial, Instant at) {
        update("UPDATE issued_certificate SET first_used_at = ? WHERE serial = ? AND first_used_at IS NULL",
                Timestamp.from(at), serial);
        update("UPDATE issued_certificate SET revoked_at = ?, revoked_reason = 'replaced' WHERE charge_point_id = ? "
                + "AND serial <> ? AND revoked_at IS NULL AND issued_at <= (SELECT issued_at FROM issued_certificate "
                + "WHERE serial = ?)", Timestamp.from(at), chargePointId, serial, serial);
    }

    /** Revokes a certificate of this charger; false when the charger has no such certificate. A revoked one stays revoked. */
    public boolean revoke(String chargePointId, String serial, String reason, Instant at) {
        if (find(serial).filter(issued -> issued.chargePointId().equals(chargePointId)).isEmpty()) {
            return false;
        }
        update("UPDATE issued_certificate SET revoked_at = ?, revoked_reason = ? WHERE serial = ? AND revoked_at IS NULL",
                Timestamp.from(at), reason, serial);
        return true;
    }

    /** Which of these serials are revoked. */
    public Set<String> revokedAmong(Collection<String> serials) {
        if (serials.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT serial FROM issued_certificate WHERE serial = ANY (?) AND revoked_at IS NOT NULL")) {
            statement.setArray(1, connection.createArrayOf("text", serials.toArray()));
            Set<String> revoked = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    revoked.add(rows.getString(1));
                }
            }
            return revoked;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read revoked certificates", e);
        }
    }

    /** Those of these serials that are not revoked and end before the given instant. */
    public Set<String> endingAmong(Collection<String> serials, Instant before) {
        if (serials.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT serial FROM issued_certificate WHERE serial = ANY (?) AND revoked_at IS NULL AND not_after < ?")) {
            statement.setArray(1, connection.createArrayOf("text", serials.toArray()));
            statement.setTimestamp(2, Timestamp.from(before));
            Set<String> ending = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ending.add(rows.getString(1));
                }
            }
            return ending;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read certificates that end soon", e);
        }
    }

    private List<Issued> query(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<Issued> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new Issued(rows.getString(1), rows.getString(2), rows.getString(3), instant(rows, 4),
                            instant(rows, 5), instant(rows, 6), instant(rows, 7), instant(rows, 8), rows.getString(9)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read issued certificates", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update issued certificates", e);
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp at = rows.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
