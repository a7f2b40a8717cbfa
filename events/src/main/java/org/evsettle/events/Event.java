package org.evsettle.events;

/** A fact one module announces to the others; its subject is the aggregate id and the Kafka key. */
public interface Event {

    /** The aggregate this fact is about: the Kafka record key and the CloudEvents subject. */
    String subject();
}
