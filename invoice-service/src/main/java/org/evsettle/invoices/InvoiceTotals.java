package org.evsettle.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place the invoice amount rule lives. Line nets are in cents already (the price rounded
 * them half-up). Per VAT rate: net = sum of the line nets at that rate, VAT = that net times the rate,
 * rounded half-up to cents (VAT on the total of a rate, not per line). The invoice: net = sum of the
 * rate nets, VAT = sum of the rate VATs, gross = net + VAT.
 */
public record InvoiceTotals(BigDecimal netAmount, BigDecimal vatAmount, BigDecimal grossAmount, List<RateTotal> byRate) {

    private static final int CENTS = 2;

    /** Zero in cents. */
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(CENTS);

    /** What the rule needs of a line: its net amount and its VAT rate (a fraction, 0.21 for 21%). */
    public record Line(BigDecimal netAmount, BigDecimal vatRate) {
    }

    /** The amounts of one VAT rate on an invoice. */
    public record RateTotal(BigDecimal rate, BigDecimal netAmount, BigDecimal vatAmount) {
    }

    public static InvoiceTotals of(Collection<Line> lines) {
        // one key per rate value: 0.21 and 0.210 are the same rate (BigDecimal.equals would not say so)
        Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>();
        for (Line line : lines) {
            netByRate.merge(rate(line.vatRate()), cents(line.netAmount()), BigDecimal::add);
        }
        List<RateTotal> byRate = netByRate.entrySet().stream()
                .map(e -> new RateTotal(e.getKey(), e.getValue(), cents(e.getValue().multiply(e.getKey()))))
                .toList();
        BigDecimal net = byRate.stream().map(RateTotal::netAmount).reduce(zero(), BigDecimal::add);
        BigDecimal vat = byRate.stream().map(RateTotal::vatAmount).reduce(zero(), BigDecimal::add);
        return new InvoiceTotals(net, vat, net.add(vat), byRate);
    }

    /**
     * What is left of amounts per rate after parts of them were taken (earlier partial credit notes):
     * per rate, net and VAT less those of the parts. A credit note that cancels the last lines of an
     * invoice takes this remainder, so that its credit notes add up to the invoice to the cent.
     */
    public static InvoiceTotals remainder(List<RateTotal> whole, Collection<List<RateTotal>> taken) {
        Map<BigDecimal, BigDecimal[]> left = new TreeMap<>();
        for (RateTotal rate : whole) {
            left.put(rate(rate.rate()), new BigDecimal[] {rate.netAmount(), rate.vatAmount()});
        }
        for (List<RateTotal> part : taken) {
            for (RateTotal rate : part) {
                BigDecimal[] amounts = left.computeIfAbsent(rate(rate.rate()), r -> new BigDecimal[] {ZERO, ZERO});
                amounts[0] = amounts[0].subtract(rate.netAmount());
                amounts[1] = amounts[1].subtract(rate.vatAmount());
            }
        }
        List<RateTotal> byRate = left.entrySet().stream()
                .filter(e -> e.getValue()[0].signum() != 0 || e.getValue()[1].signum() != 0)
                .map(e -> new RateTotal(e.getKey(), cents(e.getValue()[0]), cents(e.getValue()[1])))
                .toList();
        BigDecimal net = byRate.stream().map(RateTotal::netAmount).reduce(zero(), BigDecimal::add);
        BigDecimal vat = byRate.stream().map(RateTotal::vatAmount).reduce(zero(), BigDecimal::add);
        return new InvoiceTotals(net, vat, net.add(vat), byRate);
    }

    /** An amount in cents, rounded half-up. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(CENTS, RoundingMode.HALF_UP);
    }

    /** A rate in its shortest form (0.21, not 0.2100), so equal rates compare and show alike. */
    public static BigDecimal rate(BigDecimal vatRate) {
        BigDecimal stripped = vatRate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(CENTS);
    }
}
