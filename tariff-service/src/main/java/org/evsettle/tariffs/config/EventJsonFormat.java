package org.evsettle.tariffs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.evsettle.events.EventJson;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * JSON columns (components, price lines, a kept session) are written exactly as events are:
 * decimals with their scale, instants in ISO-8601, so a stored price reads back identical.
 */
@ApplicationScoped
@JsonFormat
@PersistenceUnitExtension
public class EventJsonFormat implements FormatMapper {

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        try {
            return EventJson.mapper().readValue(json.toString(),
                    EventJson.mapper().constructType(type.getJavaType()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read a " + type.getJavaType().getTypeName() + " column", e);
        }
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        try {
            return EventJson.mapper().writerFor(EventJson.mapper().constructType(type.getJavaType()))
                    .writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a " + type.getJavaType().getTypeName() + " column", e);
        }
    }
}
