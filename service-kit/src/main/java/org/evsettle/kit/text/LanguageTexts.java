package org.evsettle.kit.text;

import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evsettle.events.registry.DocumentLanguage;

/**
 * The texts of one message bundle in one {@link DocumentLanguage}, from {@code <base>_<code>.properties}
 * (UTF-8, no fallback to another language: a missing text is an error, never English by accident):
 * whole sentences whose {@code {name}} placeholders take values already written in that language, so
 * that no sentence is glued together from translated fragments. Documents, reports and mail read theirs
 * through this.
 */
public final class LanguageTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Map<String, LanguageTexts> LOADED = new ConcurrentHashMap<>();

    private final String baseName;
    private final DocumentLanguage language;
    private final ResourceBundle bundle;

    private LanguageTexts(String baseName, DocumentLanguage language, ResourceBundle bundle) {
        this.baseName = baseName;
        this.language = language;
        this.bundle = bundle;
    }

    /** The bundle's texts in the language, read once, with the class loader of the module that owns them. */
    public static LanguageTexts of(String baseName, DocumentLanguage language, ClassLoader loader) {
        return LOADED.computeIfAbsent(baseName + "_" + language.code(), key -> new LanguageTexts(baseName, language,
                ResourceBundle.getBundle(baseName, language.locale(), loader,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));
    }

    public DocumentLanguage language() {
        return language;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of the key with its placeholders filled: {@code get("fact.creditsOf", "number", n, "date", d)}. */
    public String get(String key, Object... namesAndValues) {
        String text = template(key);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            text = text.replace("{" + namesAndValues[i] + "}", value == null ? "" : value.toString());
        }
        return text;
    }

    /** The text of the key with every placeholder filled from values; one without a value is an error, not left in. */
    public String fill(String key, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template(key));
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Text " + key + " of " + baseName + " needs {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(text).toString();
    }

    private String template(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No text " + key + " in " + baseName + "_" + language.code(), e);
        }
    }
}
