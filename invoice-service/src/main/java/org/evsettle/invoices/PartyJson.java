package org.evsettle.invoices;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.evsettle.events.EventJson;

/** Stores the supplier and customer of an issued document as JSON text, frozen as they were at issue. */
public final class PartyJson {

    private PartyJson() {
    }

    static String write(Object value) {
        try {
            return value == null ? null : EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + value, e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored " + type.getSimpleName(), e);
        }
    }

    /** The supplier column. */
    @Converter
    public static class Supplier implements AttributeConverter<SupplierDetails, String> {
        @Override
        public String convertToDatabaseColumn(SupplierDetails value) {
            return write(value);
        }

        @Override
        public SupplierDetails convertToEntityAttribute(String json) {
            return read(json, SupplierDetails.class);
        }
    }

    /** The customer column. */
    @Converter
    public static class Customer implements AttributeConverter<CustomerDetails, String> {
        @Override
        public String convertToDatabaseColumn(CustomerDetails value) {
            return write(value);
        }

        @Override
        public CustomerDetails convertToEntityAttribute(String json) {
            return read(json, CustomerDetails.class);
        }
    }
}
