package org.evsettle.sessions;

import static org.awaitility.Awaitility.await;
import static org.evsettle.sessions.SessionWaits.PATIENCE;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.CardRecord;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.DriverRecord;
import org.evsettle.events.registry.OperatorRecord;
import org.evsettle.events.registry.SiteKind;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.testkit.TestTokens;
import org.evsettle.testkit.TopicProbe;

/** Publishes registry records as user-service would, and waits until this service has projected them. */
final class Registry {

    private static final String USER_SERVICE = "user-service";

    private final TopicProbe topics;

    Registry(TopicProbe topics) {
        this.topics = topics;
    }

    void operator(UUID operatorId, String name, String timeZone) {
        topics.publish(USER_SERVICE, new OperatorRecord(operatorId, 1, name, new Address("Stationsplein 1",
                "3511 ED", "Utrecht", "NL"), "NL001234567B01", "12345678", "NL91ABNA0417164300", "ABNANL2A",
                "billing@example.org", timeZone, "EUR", "MONTHLY", 0, 14, "INV", false,
                List.of("RESIDENT", "GUEST"), null, null, false, List.of(), List.of(), null, null));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Operator.findById(operatorId)) != null);
    }

    void site(UUID siteId, UUID operatorId, String name) {
        topics.publish(USER_SERVICE, new SiteRecord(siteId, 1, operatorId, name,
                new Address("Lindelaan 2", "3581 AB", "Utrecht", "NL")));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Site.findById(siteId)) != null);
    }

    /** An employee's home charger: a HOME site owned by this driver. */
    void homeSite(UUID siteId, UUID operatorId, String name, UUID ownerDriverId) {
        topics.publish(USER_SERVICE, new SiteRecord(siteId, 1, operatorId, name,
                new Address("Berkenlaan 7", "3581 CD", "Utrecht", "NL"), SiteKind.HOME, ownerDriverId));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Site.findById(siteId)) != null);
    }

    void driver(UUID driverId, UUID operatorId, String name, String userType) {
        driver(driverId, operatorId, name, userType, null);
    }

    /** A driver who reads this language (ISO 639-1; null: the operator's), linked to TestTokens.driver's account. */
    void driver(UUID driverId, UUID operatorId, String name, String userType, String language) {
        driver(driverId, 1, operatorId, name, userType, language, TestTokens.accountOf(driverId));
    }

    /** A driver at this revision, linked to this account (null: none); waits until the copy has the revision. */
    void driver(UUID driverId, long revision, UUID operatorId, String name, String userType, String language,
                String account) {
        topics.publish(USER_SERVICE, new DriverRecord(driverId, revision, operatorId, name, name.toLowerCase()
                .replace(' ', '.') + "@example.org", new Address("Lindelaan 12", "3581 AB", "Utrecht", "NL"),
                userType, null, null, "ACTIVE", null, account, language, null));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Driver.<Driver>findByIdOptional(driverId).map(d -> d.revision >= revision).orElse(false)));
    }

    /** A driver of this operator linked to the account of TestTokens.driver's tokens, as user-service links one. */
    void driver(UUID driverId, UUID operatorId) {
        driver(driverId, operatorId, "Driver " + driverId.toString().substring(0, 8), "RESIDENT");
    }

    void card(UUID cardId, UUID operatorId, UUID driverId, String idTag, String label) {
        topics.publish(USER_SERVICE, new CardRecord(cardId, 1, operatorId, driverId, idTag, label, "ACTIVE", null,
                null));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Card.findById(cardId)) != null);
    }

    /** A registered charger of the operator, at a site. */
    void charger(UUID chargerId, UUID operatorId, UUID siteId, String chargePointId) {
        topics.publish(USER_SERVICE, new ChargerRecord(chargerId, 1, operatorId, siteId, chargePointId, 1, "Zaptec",
                "Go", "2.4.2.4", null, "ACTIVE"));
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Charger.findById(chargerId)) != null);
    }
}
