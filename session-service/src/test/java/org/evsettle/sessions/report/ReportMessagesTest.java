package org.evsettle.sessions.report;

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

class ReportMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyLanguageHasEveryWordAndNoOtherWithTheSamePlaceholders() throws IOException {
        Properties english = bundle(DocumentLanguage.EN);
        assertThat(english).isNotEmpty();
        for (DocumentLanguage language : DocumentLanguage.values()) {
            Properties words = bundle(language);
            assertThat(words.stringPropertyNames()).as("keys of " + language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(words.getProperty(key)).as(key + " in " + language).isNotBlank();
                assertThat(placeholders(words.getProperty(key))).as("placeholders of " + key + " in " + language)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void namesEveryColumnAndGroupingInEveryLanguage() {
        for (DocumentLanguage language : DocumentLanguage.values()) {
            ReportMessages words = ReportMessages.in(language);
            assertThat(CsvReportWriter.headings(CsvReportWriter.SESSION_COLUMNS, words)).doesNotContainNull();
            assertThat(CsvReportWriter.headings(CsvReportWriter.GROUP_COLUMNS, words)).doesNotContainNull();
            for (Grouping grouping : Grouping.values()) {
                assertThat(words.grouping(grouping)).isNotBlank();
            }
        }
        assertThat(ReportMessages.in(DocumentLanguage.FR).get("column.energy")).isEqualTo("Énergie (kWh)");
    }

    private static Properties bundle(DocumentLanguage language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReportMessagesTest.class.getResourceAsStream("/report/messages_" + language.code()
                + ".properties")) {
            assertThat(in).as("report/messages_" + language.code() + ".properties").isNotNull();
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
