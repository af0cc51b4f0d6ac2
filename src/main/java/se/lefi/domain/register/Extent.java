package se.lefi.domain.register;

/** Omfattning: the share of full benefit, as a fraction such as 3/4. */
public record Extent(int numerator, int denominator) {
    public Extent {
        if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("an extent is a fraction in (0, 1]");
        }
    }

    public static final Extent FULL = new Extent(1, 1);
}
