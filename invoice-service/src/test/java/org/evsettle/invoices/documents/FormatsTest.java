package org.evsettle.invoices.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.evsettle.events.registry.DocumentLanguage;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final BigDecimal AMOUNT = new BigDecimal("1234.565");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @Test
    void writesAmountsAsTheLanguagesReadersDoRoundingHalfUp() {
        assertThat(plain(Formats.money("EUR", AMOUNT, DocumentLanguage.NL))).isEqualTo("€ 1.234,57");
        assertThat(plain(Formats.money("EUR", AMOUNT, DocumentLanguage.FR))).isEqualTo("1 234,57 €");
        assertThat(plain(Formats.money("EUR", AMOUNT, DocumentLanguage.DE))).isEqualTo("1.234,57 €");
        assertThat(plain(Formats.money("EUR", AMOUNT, DocumentLanguage.EN))).isEqualTo("€1,234.57");
        assertThat(plain(Formats.money("EUR", new BigDecimal("-12.5"), DocumentLanguage.NL))).isEqualTo("€ -12,50");
    }

    @Test
    void writesDatesOutInTheLanguage() {
        assertThat(Formats.date(DAY, DocumentLanguage.NL)).isEqualTo("2 december 2026");
        assertThat(Formats.date(DAY, DocumentLanguage.FR)).isEqualTo("2 décembre 2026");
        assertThat(Formats.date(DAY, DocumentLanguage.DE)).isEqualTo("2. Dezember 2026");
        assertThat(Formats.date(DAY, DocumentLanguage.EN)).isEqualTo("2 December 2026");
    }

    @Test
    void writesRatesEnergyUnitPricesAndStartsInTheLanguage() {
        assertThat(Formats.percent(new BigDecimal("0.055"), DocumentLanguage.NL)).isEqualTo("5,5%");
        assertThat(plain(Formats.percent(new BigDecimal("0.21"), DocumentLanguage.FR))).isEqualTo("21 %");
        assertThat(Formats.percent(new BigDecimal("0.21"), DocumentLanguage.EN)).isEqualTo("21%");
        assertThat(plain(Formats.kwh(new BigDecimal("1234.5"), DocumentLanguage.NL))).isEqualTo("1.234,500 kWh");
        assertThat(plain(Formats.unitPrice("EUR", new BigDecimal("0.35000"), DocumentLanguage.NL))).isEqualTo("€ 0,35000");
        assertThat(plain(Formats.unitPrice("EUR", new BigDecimal("2"), DocumentLanguage.DE))).isEqualTo("2,00 €");
        Instant start = Instant.parse("2026-12-02T17:30:00Z");
        assertThat(Formats.dateTime(start, ZoneId.of("Europe/Amsterdam"), DocumentLanguage.NL)).isEqualTo("02-12-2026 18:30");
        assertThat(Formats.dateTime(start, ZoneId.of("Europe/Amsterdam"), DocumentLanguage.DE)).isEqualTo("02.12.2026 18:30");
    }

    @Test
    void writesTheNarrowNoBreakSpaceTheStandardFontsLackAsANoBreakSpace() {
        String french = Formats.money("EUR", AMOUNT, DocumentLanguage.FR);
        assertThat(french).contains("\u202f");
        assertThat(Formats.forStandardFonts(french)).doesNotContain("\u202f").isEqualTo(french.replace('\u202f', '\u00a0'));
    }

    /** The JDK separates with no-break spaces (narrow ones in French), as typesetting wants; compared as spaces. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
