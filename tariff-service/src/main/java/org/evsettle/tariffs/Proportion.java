package org.evsettle.tariffs;

import java.math.BigInteger;

/**
 * Exact integer arithmetic of a * b / c for the pricing rule (energy and time shared out pro rata),
 * with no overflow: long where the product fits, BigInteger where it does not. Arguments are 0 or
 * more, divisors above 0.
 */
final class Proportion {

    private static final long HALF_OF_MAX = Long.MAX_VALUE / 2;

    private Proportion() {
    }

    /** a * b / c rounded half-up. */
    static long roundHalfUp(long a, long b, long c) {
        if (Math.multiplyHigh(a, b) == 0) {
            long product = a * b;
            if (product >= 0 && product < HALF_OF_MAX - c) {
                return (2 * product + c) / (2 * c);
            }
        }
        BigInteger twice = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).shiftLeft(1);
        return twice.add(BigInteger.valueOf(c)).divide(BigInteger.valueOf(2 * c)).longValueExact();
    }

    /** a * b / c rounded up. */
    static long ceil(long a, long b, long c) {
        if (Math.multiplyHigh(a, b) == 0) {
            long product = a * b;
            if (product >= 0 && product < Long.MAX_VALUE - c) {
                return (product + c - 1) / c;
            }
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        return qr[1].signum() == 0 ? qr[0].longValueExact() : qr[0].longValueExact() + 1;
    }

    /** The sign of a * b - c * d. */
    static int compareProducts(long a, long b, long c, long d) {
        long high1 = Math.multiplyHigh(a, b);
        long high2 = Math.multiplyHigh(c, d);
        return high1 != high2 ? Long.compare(high1, high2) : Long.compareUnsigned(a * b, c * d);
    }
}
