package org.evsettle.invoices.mail;

import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evsettle.events.registry.DocumentLanguage;

/**
 * The texts of invoice mail, from the bundles {@code mail/messages_<language>.properties}: whole
 * sentences with named placeholders ({@code {number}}), filled in here, never glued together.
 */
public final class MailTexts {

    public static final String BUNDLE = "mail/messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final ResourceBundle bundle;

    private MailTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static MailTexts of(DocumentLanguage language) {
        return new MailTexts(ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of key with its placeholders filled in; a placeholder without a value is an error, not left in. */
    public String text(String key, Map<String, String> values) {
        String template;
        try {
            template = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No mail text " + key + " in " + bundle.getLocale(), e);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("Mail text " + key + " needs {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(text).toString();
    }
}
