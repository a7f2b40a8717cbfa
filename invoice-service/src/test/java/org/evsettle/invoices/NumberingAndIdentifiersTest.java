package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import org.evsettle.invoices.InvoiceNumberSeries.Series;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberingAndIdentifiersTest {

    @ParameterizedTest(name = "{0} {1} {2} #{3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            LINDE | INVOICE   | 2026 | 123     | LINDE-2026-000123
            LINDE | INVOICE   | 2026 | 1       | LINDE-2026-000001
            LINDE | STATEMENT | 2026 | 7       | LINDE-S-2026-000007
            VVE   | INVOICE   | 2027 | 1234567 | VVE-2027-1234567
            """)
    void printsNumbersWithPrefixYearAndAtLeastSixDigits(String prefix, Series series, int year, long sequence,
                                                        String number) {
        assertThat(InvoiceNumberSeries.format(prefix, series, year, sequence)).isEqualTo(number);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NL57ZZZ999999999999  | true  | a Dutch creditor identifier
            nl57 zzz 999999999999 | true | spaces and case do not matter
            DE98ZZZ09999999999   | true  | the German example of the EPC
            BE68ZZZ0123456789    | true  | a Belgian one
            NL58ZZZ999999999999  | false | a wrong check digit
            NL57ZZZ              | false | no national identifier
            NL91ABNA0417164300   | false | an IBAN is not a creditor identifier
            """)
    void checksSepaCreditorIdentifiers(String id, boolean valid, String why) {
        assertThat(CollectionSettings.isCreditorId(id)).as(why).isEqualTo(valid);
    }
}
