package org.evsettle.sessions.report;

import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.kit.text.LanguageTexts;

/**
 * The words of the charge report for people (the CSV's header lines and columns, the workbook's labels,
 * the period rule) in one language, from {@code report/messages_<code>.properties} (UTF-8): whole
 * sentences whose {@code {name}} placeholders take the values. JSON keys are not words: they stay.
 */
public final class ReportMessages {

    private static final String BUNDLE = "report.messages";

    private final LanguageTexts texts;

    private ReportMessages(LanguageTexts texts) {
        this.texts = texts;
    }

    public static ReportMessages in(DocumentLanguage language) {
        return new ReportMessages(LanguageTexts.of(BUNDLE, language, ReportMessages.class.getClassLoader()));
    }

    public DocumentLanguage language() {
        return texts.language();
    }

    /** The text of the key with its placeholders filled: {@code get("csv.period", "from", from, "to", to)}. */
    public String get(String key, Object... namesAndValues) {
        return texts.get(key, namesAndValues);
    }

    /** The column heading of a grouping: Driver, Laadpunt, Jour. */
    String grouping(Grouping grouping) {
        return get("grouping." + grouping.parameter());
    }
}
