package org.evsettle.invoices.mail;

import java.util.Map;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.kit.text.LanguageTexts;

/**
 * The texts of invoice mail, from the bundles {@code mail/messages_<language>.properties}: whole
 * sentences with named placeholders ({@code {number}}), filled in here, never glued together.
 */
public final class MailTexts {

    public static final String BUNDLE = "mail/messages";

    private final LanguageTexts texts;

    private MailTexts(LanguageTexts texts) {
        this.texts = texts;
    }

    public static MailTexts of(DocumentLanguage language) {
        return new MailTexts(LanguageTexts.of(BUNDLE, language, MailTexts.class.getClassLoader()));
    }

    public boolean has(String key) {
        return texts.has(key);
    }

    /** The text of key with its placeholders filled in; a placeholder without a value is an error, not left in. */
    public String text(String key, Map<String, String> values) {
        return texts.fill(key, values);
    }
}
