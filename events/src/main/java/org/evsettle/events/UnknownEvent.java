package org.evsettle.events;

/**
 * What a consumer receives for a record it cannot read: a type it does not know yet (a newer
 * producer) or a value that is not valid JSON for its type. Consumers log and skip it.
 */
public record UnknownEvent(String subject, String ceType, String reason) implements Event {
}
