package org.evsettle.users.messaging;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.evsettle.events.Envelope;
import org.evsettle.events.registry.RegistryRecord;
import org.evsettle.outbox.Outbox;
import org.evsettle.users.Card;
import org.evsettle.users.Charger;
import org.evsettle.users.Driver;
import org.evsettle.users.Operator;
import org.evsettle.users.Site;

/**
 * Announces every registry change on the compacted {@code registry.*} topics, through the outbox:
 * the record carries the entity's full new state and its revision.
 */
@ApplicationScoped
public class RegistryPublisher {

    public static final String SOURCE = "user-service";

    private final Outbox outbox;

    public RegistryPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void changed(Operator operator) {
        flush();
        publish(operator.toRecord());
    }

    public void changed(Site site) {
        flush();
        publish(site.toRecord());
    }

    public void changed(Charger charger) {
        flush();
        publish(charger.toRecord());
    }

    public void changed(Driver driver) {
        flush();
        publish(driver.toRecord());
    }

    public void changed(Card card) {
        flush();
        publish(card.toRecord());
    }

    /** The revision is assigned when Hibernate writes the row; flush first so the record carries it. */
    private static void flush() {
        Panache.getEntityManager().flush();
    }

    private void publish(RegistryRecord record) {
        outbox.publish(Envelope.of(SOURCE, record));
    }
}
