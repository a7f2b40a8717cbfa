package org.evsettle.invoices.documents;

import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.kit.text.LanguageTexts;

/**
 * The texts of documents in one language, from {@code documents/messages_<code>.properties}
 * (UTF-8): whole sentences whose {@code {name}} placeholders take values already written in that
 * language ({@link Formats}), so that no sentence is ever glued together from translated fragments.
 */
public final class DocumentText {

    /** The bundle's base name, one file per {@link DocumentLanguage}. */
    public static final String BUNDLE = "documents.messages";

    private final LanguageTexts texts;

    private DocumentText(LanguageTexts texts) {
        this.texts = texts;
    }

    public static DocumentText in(DocumentLanguage language) {
        return new DocumentText(LanguageTexts.of(BUNDLE, language, DocumentText.class.getClassLoader()));
    }

    public DocumentLanguage language() {
        return texts.language();
    }

    /** The text of the key with its placeholders filled: {@code get("fact.creditsOf", "number", n, "date", d)}. */
    public String get(String key, Object... namesAndValues) {
        return texts.get(key, namesAndValues);
    }
}
