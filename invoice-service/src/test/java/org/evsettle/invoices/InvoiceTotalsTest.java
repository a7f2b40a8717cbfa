package org.evsettle.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceTotalsTest {

    @ParameterizedTest(name = "[{0}]: net {1}, VAT {2}, gross {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            4.32@0.21                   |  4.32 |  0.91 |  5.23 | one line
            4.32@0.21 4.33@0.21         |  8.65 |  1.82 | 10.47 | two lines of one rate
            0.02@0.21 0.02@0.21         |  0.04 |  0.01 |  0.05 | VAT on the rate total; per line it would be 0.00
            0.02@0.21 0.02@0.210        |  0.04 |  0.01 |  0.05 | 0.21 and 0.210 are one rate
            0.50@0.21                   |  0.50 |  0.11 |  0.61 | 0.105 rounds half-up, not to even
            10.00@0.21 5.00@0.09        | 15.00 |  2.55 | 17.55 | two rates
            0.03@0.21 0.03@0.09         |  0.06 |  0.01 |  0.07 | each rate rounded on its own: 0.0063 and 0.0027
            10.00@0 2.00@0.21           | 12.00 |  0.42 | 12.42 | a zero rate
            -4.32@0.21                  | -4.32 | -0.91 | -5.23 | a negative amount rounds away from zero
            ''                          |  0.00 |  0.00 |  0.00 | no lines
            """)
    void computesVatPerRateOnTheRateTotal(String lines, BigDecimal net, BigDecimal vat, BigDecimal gross, String why) {
        InvoiceTotals totals = InvoiceTotals.of(lines(lines));

        assertThat(totals.netAmount()).as(why).isEqualTo(net);
        assertThat(totals.vatAmount()).as(why).isEqualTo(vat);
        assertThat(totals.grossAmount()).as(why).isEqualTo(gross);
    }

    @Test
    void breaksTheAmountsDownPerRateInRateOrder() {
        InvoiceTotals totals = InvoiceTotals.of(lines("10.00@0.21 5.00@0.09 2.50@0.2100"));

        assertThat(totals.byRate()).containsExactly(
                new InvoiceTotals.RateTotal(new BigDecimal("0.09"), new BigDecimal("5.00"), new BigDecimal("0.45")),
                new InvoiceTotals.RateTotal(new BigDecimal("0.21"), new BigDecimal("12.50"), new BigDecimal("2.63")));
    }

    @Test
    void leavesForTheLastCreditNoteExactlyWhatEarlierOnesDidNotTake() {
        // three lines of 0.02: the invoice's VAT is 0.01 (on 0.06); crediting one line at a time would
        // give 0.00 three times, so the last credit note takes the remaining cent
        InvoiceTotals invoice = InvoiceTotals.of(lines("0.02@0.21 0.02@0.21 0.02@0.21"));
        InvoiceTotals first = InvoiceTotals.of(lines("0.02@0.21"));
        InvoiceTotals second = InvoiceTotals.of(lines("0.02@0.21"));

        InvoiceTotals last = InvoiceTotals.remainder(invoice.byRate(), List.of(first.byRate(), second.byRate()));

        assertThat(invoice.vatAmount()).isEqualTo(new BigDecimal("0.01"));
        assertThat(last.netAmount()).isEqualTo(new BigDecimal("0.02"));
        assertThat(last.vatAmount()).isEqualTo(new BigDecimal("0.01"));
        assertThat(first.grossAmount().add(second.grossAmount()).add(last.grossAmount())).isEqualTo(invoice.grossAmount());
    }

    @Test
    void leavesNothingOfARateThatWasCreditedInFull() {
        InvoiceTotals invoice = InvoiceTotals.of(lines("10.00@0.21 5.00@0.09"));

        InvoiceTotals last = InvoiceTotals.remainder(invoice.byRate(), List.of(InvoiceTotals.of(lines("5.00@0.09")).byRate()));

        assertThat(last.byRate()).containsExactly(
                new InvoiceTotals.RateTotal(new BigDecimal("0.21"), new BigDecimal("10.00"), new BigDecimal("2.10")));
        assertThat(last.grossAmount()).isEqualTo(new BigDecimal("12.10"));
    }

    @Test
    void showsEnergyAsKilowattHoursWithThreeDecimals() {
        assertThat(InvoiceLine.energyKwh(12_340)).isEqualTo(new BigDecimal("12.340"));
        assertThat(InvoiceLine.energyKwh(80)).isEqualTo(new BigDecimal("0.080"));
    }

    /** Lines written as {@code net@rate}, separated by spaces. */
    private static List<InvoiceTotals.Line> lines(String written) {
        if (written == null || written.isBlank()) {
            return List.of();
        }
        return Arrays.stream(written.trim().split("\\s+"))
                .map(line -> line.split("@"))
                .map(parts -> new InvoiceTotals.Line(new BigDecimal(parts[0]), new BigDecimal(parts[1])))
                .toList();
    }
}
