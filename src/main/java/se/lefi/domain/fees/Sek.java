package se.lefi.domain.fees;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Amounts in Swedish kronor with öre: {@link BigDecimal}s of scale 2, never binary fractions. A unit
 * price has at most two decimals, so quantity × unit price is exact and nothing on an invoice is
 * ever rounded; a third decimal in the price list is refused rather than rounded away silently.
 */
public final class Sek {
    public static final String CURRENCY = "SEK";
    public static final int SCALE = 2;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    // Kronor with a decimal point: no sign, no exponent, no thousands separator, no decimal comma.
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(\\.\\d+)?");

    private Sek() {
    }

    /** Parses "12", "12.5" or "12.50" as 12.50; refuses anything else with a message saying why. */
    public static BigDecimal parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!AMOUNT.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an amount in SEK: write kronor with a decimal point, e.g. 1.50");
        }
        BigDecimal amount = new BigDecimal(trimmed);
        if (amount.scale() > SCALE) {
            throw new IllegalArgumentException("'" + trimmed + "' has more than two decimals: prices are in whole öre");
        }
        return amount.setScale(SCALE);
    }

    /** {@code amount} with two decimals; refuses negative amounts and fractions of öre. */
    public static BigDecimal of(BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("an amount in SEK must be zero or more");
        }
        try {
            return amount.setScale(SCALE);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an amount in SEK has at most two decimals (öre)", e);
        }
    }

    /** quantity × unit price, exact (the unit price is in whole öre). */
    public static BigDecimal times(BigDecimal unitPrice, long quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("a quantity is zero or more");
        }
        return of(unitPrice).multiply(BigDecimal.valueOf(quantity));
    }
}
