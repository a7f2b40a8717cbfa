package org.evsettle.sessions.report;

import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.evsettle.events.registry.DocumentLanguage;

/**
 * The words of the charge report for people (the CSV's header lines and columns, the workbook's labels,
 * the period rule) in one language, from {@code report/messages_<code>.properties} (UTF-8): whole
 * sentences whose {@code {name}} placeholders take the values. JSON keys are not words: they stay.
 */
public final class ReportMessages {

    private static final String BUNDLE = "report.messages";
    private static final Map<DocumentLanguage, ReportMessages> MESSAGES = new EnumMap<>(DocumentLanguage.class);

    static {
        for (DocumentLanguage language : DocumentLanguage.values()) {
            MESSAGES.put(language, new ReportMessages(language, ResourceBundle.getBundle(BUNDLE, language.locale(),
                    ReportMessages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));
        }
    }

    private final DocumentLanguage language;
    private final ResourceBundle bundle;

    private ReportMessages(DocumentLanguage language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    public static ReportMessages in(DocumentLanguage language) {
        return MESSAGES.get(language);
    }

    public DocumentLanguage language() {
        return language;
    }

    /** The text of the key with its placeholders filled: {@code get("csv.period", "from", from, "to", to)}. */
    public String get(String key, Object... namesAndValues) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No text " + key + " in report/messages_" + language.code(), e);
        }
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            text = text.replace("{" + namesAndValues[i] + "}", value == null ? "" : value.toString());
        }
        return text;
    }

    /** The column heading of a grouping: Driver, Laadpunt, Jour. */
    String grouping(Grouping grouping) {
        return get("grouping." + grouping.parameter());
    }
}
