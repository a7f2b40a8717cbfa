package org.evsettle.events;

/**
 * One versioned kind of event: its CloudEvents type ({@code evsettle.<family>.<event>.v<N>}),
 * the topic it travels on and the record that carries it.
 */
public record EventType<T extends Event>(String ceType, String topic, Class<T> dataClass) {
}
