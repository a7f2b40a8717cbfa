package org.evsettle.invoices.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evsettle.events.registry.DocumentLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    @ParameterizedTest
    @EnumSource(DocumentLanguage.class)
    void everyLanguageHasEveryTextWithTheSamePlaceholders(DocumentLanguage language) throws IOException {
        Properties dutch = load(DocumentLanguage.NL);
        Properties other = load(language);
        assertThat(other.stringPropertyNames()).isEqualTo(dutch.stringPropertyNames());
        for (String key : dutch.stringPropertyNames()) {
            assertThat(placeholders(other.getProperty(key))).as("%s in %s", key, language)
                    .isEqualTo(placeholders(dutch.getProperty(key)));
        }
    }

    @ParameterizedTest
    @EnumSource(DocumentLanguage.class)
    void everyDocumentAndStepHasASubjectAndABody(DocumentLanguage language) {
        MailTexts texts = MailTexts.of(language);
        for (String key : new String[] {"subject.invoice.issued", "subject.invoice.reminder-1", "subject.invoice.reminder-2",
                "subject.invoice.final-notice", "subject.credit-note.issued", "subject.statement.issued",
                "body.invoice.issued.transfer", "body.invoice.issued.direct-debit", "body.invoice.reminder-1",
                "body.invoice.reminder-2", "body.invoice.final-notice", "body.credit-note.issued", "body.statement.issued"}) {
            assertThat(texts.has(key)).as("%s in %s", key, language).isTrue();
        }
    }

    @Test
    void fillsInPlaceholdersAndReadsTheBundlesAsUtf8() {
        assertThat(MailTexts.of(DocumentLanguage.NL).text("subject.invoice.issued",
                Map.of("number", "LINDE-2026-000123", "operator", "Woonstichting De Linde")))
                .isEqualTo("Factuur LINDE-2026-000123 van Woonstichting De Linde");
        assertThat(MailTexts.of(DocumentLanguage.FR).text("subject.credit-note.issued",
                Map.of("number", "X-1", "operator", "Énergie Liège"))).isEqualTo("Note de crédit X-1 de Énergie Liège");
        assertThatThrownBy(() -> MailTexts.of(DocumentLanguage.DE).text("subject.invoice.issued", Map.of("number", "1")))
                .hasMessageContaining("{operator}");
    }

    private static Properties load(DocumentLanguage language) throws IOException {
        String file = "/" + MailTexts.BUNDLE + "_" + language.code() + ".properties";
        try (InputStream in = MailTextsTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
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
