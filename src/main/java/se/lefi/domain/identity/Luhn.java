package se.lefi.domain.identity;

/**
 * The Luhn (mod 10) check-digit algorithm, as used for Swedish personnummer,
 * samordningsnummer and organisationsnummer.
 *
 * <p>Weights alternate 2,1,2,1,... starting from the digit immediately to the left of the check
 * digit (i.e. from the right of the payload). For the 9-digit payloads of Swedish identity numbers
 * this is exactly "2,1,2,1,... from the left". Products above 9 contribute their digit sum.
 *
 * <p>Messages of the exceptions thrown here never contain the input, since it may be personal data.
 */
public final class Luhn {

    private Luhn() {
    }

    /**
     * The check digit to append to {@code digits}.
     *
     * @param digits the payload: one or more ASCII digits {@code 0-9}, nothing else
     * @return the check digit, 0..9
     * @throws IllegalArgumentException if {@code digits} is empty or contains a non-digit
     * @throws NullPointerException if {@code digits} is null
     */
    public static int checkDigit(CharSequence digits) {
        int length = digits.length();
        if (length == 0) {
            throw new IllegalArgumentException("Luhn payload must not be empty");
        }
        int sum = 0;
        boolean doubled = true; // rightmost payload digit gets weight 2
        for (int i = length - 1; i >= 0; i--) {
            int d = digitAt(digits, i);
            if (d < 0) {
                throw new IllegalArgumentException("Luhn payload must contain only ASCII decimal digits");
            }
            sum += doubled ? DOUBLED[d] : d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * Whether the last digit of {@code digitsIncludingCheckDigit} is the correct Luhn check digit
     * for the digits before it.
     *
     * @return false for null, for fewer than two characters, or if any character is not a digit 0-9
     */
    public static boolean isValid(CharSequence digitsIncludingCheckDigit) {
        if (digitsIncludingCheckDigit == null || digitsIncludingCheckDigit.length() < 2) {
            return false;
        }
        int sum = 0;
        boolean doubled = false; // the check digit itself has weight 1
        for (int i = digitsIncludingCheckDigit.length() - 1; i >= 0; i--) {
            int d = digitAt(digitsIncludingCheckDigit, i);
            if (d < 0) {
                return false;
            }
            sum += doubled ? DOUBLED[d] : d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** Digit sum of 2*d, for d = 0..9. */
    private static final int[] DOUBLED = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};

    /** Check digit for a payload already split into digit values (no validation; internal fast path). */
    static int checkDigit(int[] digits, int from, int to) {
        int sum = 0;
        boolean doubled = true;
        for (int i = to - 1; i >= from; i--) {
            int d = digits[i];
            sum += doubled ? DOUBLED[d] : d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    private static int digitAt(CharSequence s, int i) {
        char c = s.charAt(i);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }
}
