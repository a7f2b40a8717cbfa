package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankStatementTest {

    @Test
    void readsADutchExportWithSemicolonsDecimalCommasAndAfBij() {
        String csv = """
                "Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"
                "20260305";"A. de Vries";"NL20INGB0001234567";"NL44RABO0123456789";"OV";"Bij";"1.234,56";"Overschrijving";"RF46 2026 0001 23"
                "20260306";"Energieleverancier";"NL20INGB0001234567";"NL91ABNA0417164300";"IC";"Af";"99,00";"Incasso";"Maart"
                """;

        BankStatement statement = BankStatement.parse(csv);

        assertThat(statement.problems()).isEmpty();
        assertThat(statement.rows()).hasSize(2);
        BankStatement.Row in = statement.rows().get(0);
        assertThat(in.bookedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(in.amount()).isEqualByComparingTo("1234.56");
        assertThat(in.counterparty()).isEqualTo("A. de Vries");
        assertThat(in.counterpartyIban()).isEqualTo("NL44RABO0123456789");
        assertThat(in.remittance()).contains("RF46 2026 0001 23");
        assertThat(statement.rows().get(1).amount()).isEqualByComparingTo("-99.00");
    }

    @Test
    void readsAnEnglishExportWithCommasQuotesAndSignedAmounts() {
        String csv = """
                Booking date,Amount,Description,Counterparty name,Counterparty IBAN,Transaction ID
                2026-03-05,42.10,"Invoice LINDE-2026-000123, thank you",Bob Jansen,NL44 RABO 0123 4567 89,TX-1
                05/03/2026,-12.00,Fee,Bank,,TX-2
                """;

        BankStatement statement = BankStatement.parse(csv);

        assertThat(statement.rows()).extracting(BankStatement.Row::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("42.10"), new BigDecimal("-12.00"));
        assertThat(statement.rows().get(0).description()).isEqualTo("Invoice LINDE-2026-000123, thank you");
        assertThat(statement.rows().get(0).counterpartyIban()).isEqualTo("NL44RABO0123456789");
        assertThat(statement.rows().get(1).bookedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void givesEveryRowTheSameKeyEachTimeAndTwoEqualRowsTwoKeys() {
        String csv = """
                date,amount,reference
                2026-03-05,10.00,RF462026000123
                2026-03-05,10.00,RF462026000123
                2026-03-06,10.00,RF462026000123
                """;

        BankStatement first = BankStatement.parse(csv);
        BankStatement again = BankStatement.parse(csv);

        assertThat(first.rows()).extracting(BankStatement.Row::importKey)
                .containsExactlyElementsOf(again.rows().stream().map(BankStatement.Row::importKey).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void reportsRowsItCannotReadAndKeepsTheOthers() {
        BankStatement statement = BankStatement.parse("""
                date,amount,reference
                yesterday,10.00,RF462026000123
                2026-03-05,ten,RF462026000123
                2026-03-05,10.00,RF462026000123
                """);

        assertThat(statement.rows()).hasSize(1);
        assertThat(statement.problems()).extracting(BankStatement.Problem::line).containsExactly(2, 3);
    }

    @Test
    void refusesAStatementWithoutDateOrAmountColumn() {
        assertThatThrownBy(() -> BankStatement.parse("when,how much\n2026-03-05,10.00\n"))
                .isInstanceOf(BankStatement.Unreadable.class);
        assertThatThrownBy(() -> BankStatement.parse("")).isInstanceOf(BankStatement.Unreadable.class);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.234,56   | 1234.56
            1,234.56   | 1234.56
            12,34      | 12.34
            12.34      | 12.34
            +5,00      | 5.00
            -5.00      | -5.00
            € 7,50     | 7.50
            """)
    void readsAmountsAsBanksWriteThem(String text, BigDecimal amount) {
        assertThat(BankStatement.amount(text)).isEqualByComparingTo(amount);
    }
}
