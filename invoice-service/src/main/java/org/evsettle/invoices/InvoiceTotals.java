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
