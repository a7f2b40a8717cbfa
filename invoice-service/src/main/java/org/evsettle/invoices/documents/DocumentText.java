package org.evsettle.invoices.documents;

import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.evsettle.events.registry.DocumentLanguage;

/**
 * The texts of documents in one language, from {@code documents/messages_<code>.properties}
 * (UTF-8): whole sentences whose {@code {name}} placeholders take values already written in that
 * language ({@link Formats}), so that no sentence is ever glued together from translated fragments.
 */
public final class DocumentText {

    /** The bundle's base name, one file per {@link DocumentLanguage}. */
    public static final String BUNDLE = "documents.messages";

    private static final Map<DocumentLanguage, DocumentText> TEXTS = new EnumMap<>(DocumentLanguage.class);

    static {
        for (DocumentLanguage language : DocumentLanguage.values()) {
            TEXTS.put(language, new DocumentText(language, ResourceBundle.getBundle(BUNDLE, language.locale(),
                    DocumentText.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));
        }
    }

    private final DocumentLanguage language;
    private final ResourceBundle bundle;

    private DocumentText(DocumentLanguage language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    public static DocumentText in(DocumentLanguage language) {
        return TEXTS.get(language);
    }

    public DocumentLanguage language() {
        return language;
    }

    /** The text of the key with its placeholders filled: {@code get("fact.creditsOf", "number", n, "date", d)}. */
    public String get(String key, Object... namesAndValues) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No text " + key + " in documents/messages_" + language.code(), e);
        }
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            text = text.replace("{" + namesAndValues[i] + "}", value == null ? "" : value.toString());
        }
        return text;
    }
}
