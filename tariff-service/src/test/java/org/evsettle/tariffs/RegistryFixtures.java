package org.evsettle.tariffs;

import static org.awaitility.Awaitility.await;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.DunningPolicy;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.RegistryRecord;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.outbox.registry.RegistryCopy;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;

/** Registry records as user-service publishes them, and a wait until this service has projected them. */
final class RegistryFixtures {

    static final String USER_SERVICE = "user-service";
    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(60);
    private static final Address ADDRESS = new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL");

    private RegistryFixtures() {
    }

    static OperatorRecord operator(UUID id, long revision, String timeZone, String currency, List<String> userTypes) {
        return new OperatorRecord(id, revision, "Woonstichting " + id.toString().substring(0, 6), ADDRESS,
                "NL001234567B01", "12345678", "NL91ABNA0417164300", "ABNANL2A", "billing@example.org", timeZone,
                currency, "MONTHLY", 0, 14, "INV", false, userTypes, new DunningPolicy(false, 30), null, false,
                List.of(), List.of(), null, null);
    }

    static SiteRecord site(UUID id, UUID operatorId) {
        return new SiteRecord(id, 1, operatorId, "Parkeergarage " + id.toString().substring(0, 6), ADDRESS);
    }

    static ChargerRecord charger(UUID id, long revision, UUID operatorId, UUID siteId, String chargePointId,
                                 String status) {
        return new ChargerRecord(id, revision, operatorId, siteId, chargePointId, 2, "Zaptec", "Go 2", "3.2.1.0", null,
                status);
    }

    /** A driver linked to the account of TestTokens.driver's tokens. */
    static DriverRecord driver(UUID id, UUID operatorId, String userType) {
        return driver(id, 1, operatorId, userType, TestTokens.accountOf(id));
    }

    /** A driver at this revision, linked to this account (null: none). */
    static DriverRecord driver(UUID id, long revision, UUID operatorId, String userType, String account) {
        return new DriverRecord(id, revision, operatorId, "Anne de Vries", "anne-" + id + "@example.org", ADDRESS,
                userType, null, null, "ACTIVE", null, account, null, null);
    }

    /** Publishes the records and waits until each is in this service's copy of the registry. */
    static void publishAndAwait(TopicProbe topics, RegistryRecord... records) {
        for (RegistryRecord record : records) {
            topics.publish(USER_SERVICE, record);
        }
        for (RegistryRecord record : records) {
            awaitRevision(record);
        }
    }

    private static void awaitRevision(RegistryRecord record) {
        if (record instanceof OperatorRecord r) {
            await().atMost(PROJECTED_WITHIN).until(() -> revision(Operator.class, r.id()) >= r.revision());
        } else if (record instanceof SiteRecord r) {
            await().atMost(PROJECTED_WITHIN).until(() -> revision(Site.class, r.id()) >= r.revision());
        } else if (record instanceof ChargerRecord r) {
            await().atMost(PROJECTED_WITHIN).until(() -> revision(Charger.class, r.id()) >= r.revision());
        } else if (record instanceof DriverRecord r) {
            await().atMost(PROJECTED_WITHIN).until(() -> revision(Driver.class, r.id()) >= r.revision());
        }
    }

    /** The projected revision of an entity, -1 while there is none. */
    static long revision(Class<? extends RegistryCopy<?>> type, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RegistryCopy<?> copy = Panache.getEntityManager().find(type, id);
            return copy == null ? -1L : copy.revision;
        });
    }
}
