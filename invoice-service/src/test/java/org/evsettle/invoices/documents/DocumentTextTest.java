package org.evsettle.invoices.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evsettle.events.registry.DocumentLanguage;
import org.junit.jupiter.api.Test;

class DocumentTextTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyLanguageHasEveryTextAndNoOtherWithTheSamePlaceholders() throws IOException {
        Properties english = bundle(DocumentLanguage.EN);
        assertThat(english).isNotEmpty();
        for (DocumentLanguage language : DocumentLanguage.values()) {
            Properties texts = bundle(language);
            assertThat(texts.stringPropertyNames()).as("keys of " + language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(texts.getProperty(key)).as(key + " in " + language).isNotBlank();
                assertThat(placeholders(texts.getProperty(key))).as("placeholders of " + key + " in " + language)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void readsTheBundlesAsUtf8AndFillsPlaceholders() {
        assertThat(DocumentText.in(DocumentLanguage.FR).get("fact.dueDate")).isEqualTo("Date d'échéance");
        assertThat(DocumentText.in(DocumentLanguage.DE).get("fact.creditsInvoiceOf", "number", "X-1", "date", "1. Mai 2026"))
                .isEqualTo("X-1 vom 1. Mai 2026");
        assertThat(DocumentText.in(DocumentLanguage.NL).get("totals.INVOICE")).isEqualTo("Totaal te betalen");
    }

    /** The file as it is, not through ResourceBundle: a key missing in one language must not be filled from another. */
    private static Properties bundle(DocumentLanguage language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DocumentTextTest.class.getResourceAsStream("/documents/messages_" + language.code()
                + ".properties")) {
            assertThat(in).as("documents/messages_" + language.code() + ".properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
