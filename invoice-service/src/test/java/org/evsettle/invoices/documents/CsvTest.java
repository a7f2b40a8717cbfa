package org.evsettle.invoices.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTest {

    @ParameterizedTest(name = "[{0}] is written as [{1}]: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Parking Noord            | Parking Noord              | plain text stays as it is
            =HYPERLINK("http://x")   | "'=HYPERLINK(""http://x"")" | a formula is defused and its quotes doubled
            +31 6 1234 5678          | '+31 6 1234 5678           | a leading plus would be a formula
            -2 kWh                   | '-2 kWh                    | a leading minus in text would be a formula
            @SUM(A1)                 | '@SUM(A1)                  | a leading at would be a formula
            Jansen, Anna             | "Jansen, Anna"             | a comma is quoted
            Say "hi" now             | "Say ""hi"" now"           | a quote is doubled inside quotes
            """)
    void writesTextSoThatASpreadsheetNeitherSplitsNorRunsIt(String text, String written, String why) {
        assertThat(new Csv().row(List.of(text)).toString()).as(why).isEqualTo(written + "\r\n");
    }

    @ParameterizedTest(name = "{0} is written as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -12.10 | -12.10
            1E+3   | 1000
            0.00   | 0.00
            """)
    void writesAmountsAsPlainNumbersEvenWhenNegative(BigDecimal amount, String written) {
        assertThat(new Csv().row(List.of(amount)).toString()).isEqualTo(written + "\r\n");
    }

    @Test
    void leavesAMissingCellEmptyAndEndsEachRowWithCrLf() {
        assertThat(new Csv().row(Arrays.asList("LINDE-2026-000001", null, new BigDecimal("12.10"))).row(List.of("x"))
                .toString()).isEqualTo("LINDE-2026-000001,,12.10\r\nx\r\n");
    }
}
