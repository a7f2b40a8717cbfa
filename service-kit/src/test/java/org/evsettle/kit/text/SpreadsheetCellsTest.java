package org.evsettle.kit.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetCellsTest {

    @ParameterizedTest(name = "[{0}] is written [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Anna de Vries|Anna de Vries",
            "=HYPERLINK(\"x\")|'=HYPERLINK(\"x\")",
            "+31 6 1234|'+31 6 1234",
            "-2 kWh|'-2 kWh",
            "@SUM(A1)|'@SUM(A1)",
            "`\tcmd`|`'\tcmd`",
            "`\rcmd`|`'\rcmd`",
            "a=b|a=b",
    })
    void defusesTextThatASpreadsheetWouldRunAsAFormula(String value, String written) {
        assertThat(SpreadsheetCells.defused(value)).isEqualTo(written);
    }

    @ParameterizedTest(name = "[{0}] is the cell [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|plain",
            "Kade 1, Amsterdam|\"Kade 1, Amsterdam\"",
            "the \"big\" one|\"the \"\"big\"\" one\"",
            "`two\nlines`|`\"two\nlines\"`",
    })
    void quotesCsvCellsAsRfc4180Asks(String value, String cell) {
        assertThat(SpreadsheetCells.csvCell(value)).isEqualTo(cell);
    }

    @ParameterizedTest(name = "[{0}] is the CSV text [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://x\",\"y\")|\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            "-|'-",
    })
    void defusesBeforeItQuotes(String value, String cell) {
        assertThat(SpreadsheetCells.csvText(value)).isEqualTo(cell);
    }

    @Test
    void writesNothingForNoText() {
        assertThat(SpreadsheetCells.defused(null)).isEmpty();
        assertThat(SpreadsheetCells.csvText(null)).isEmpty();
    }
}
