package se.lefi.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {

    @Test
    void checkDigitOfKnownSwedishNumbers() {
        assertEquals(6, Luhn.checkDigit("811218987"));  // 811218-9876, the classic example
        assertEquals(2, Luhn.checkDigit("121212121"));  // 121212-1212, Skatteverket's example
        assertEquals(1, Luhn.checkDigit("701063239"));  // 701063-2391, samordningsnummer example
        assertEquals(1, Luhn.checkDigit("212000241"));  // organisation number 212000-2411
        assertEquals(0, Luhn.checkDigit("556900001"));  // organisation number 556900-0010
    }

    @Test
    void weightsAreTwoOneFromTheLeftForNinePayloadDigits() {
        // 8*2=16->7, 1, 1*2=2, 2, 1*2=2, 8, 9*2=18->9, 8, 7*2=14->5 : sum 44 -> check 6
        assertEquals(6, Luhn.checkDigit("811218987"));
        assertEquals(8, Luhn.checkDigit("1"));          // 1*2=2 -> 8
        assertEquals(0, Luhn.checkDigit("0"));
        assertEquals(0, Luhn.checkDigit("000000000"));
        assertEquals(1, Luhn.checkDigit("9"));          // 9*2=18 -> 9 -> 1
    }

    @Test
    void evenLengthPayloadsAreWeightedFromTheRightAsInStandardLuhn() {
        assertEquals(3, Luhn.checkDigit("7992739871")); // 79927398713, the textbook Luhn example
        assertTrue(Luhn.isValid("79927398713"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8112189876", "1212121212", "7010632391", "2120002411", "5569000010", "18", "00"})
    void validNumbers(String digits) {
        assertTrue(Luhn.isValid(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8112189875", "8112189877", "1812189876", "2120002412", "19", "10"})
    void invalidCheckDigit(String digits) {
        assertFalse(Luhn.isValid(digits));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"5", "81121a9876", "811218-9876", " 8112189876", "８112189876"})
    void isValidIsFalseForMalformedInput(String text) {
        assertFalse(Luhn.isValid(text));
    }

    @Test
    void checkDigitRejectsEmptyAndNonDigitsWithoutEchoingThem() {
        assertThrows(IllegalArgumentException.class, () -> Luhn.checkDigit(""));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Luhn.checkDigit("811218-987"));
        assertFalse(e.getMessage().contains("811218"));
        assertFalse(e.getMessage().matches(".*\\d.*"));
        assertThrows(NullPointerException.class, () -> Luhn.checkDigit(null));
    }

    @Test
    void appendedCheckDigitValidatesAndEverySingleDigitErrorIsDetected() {
        Random random = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder payload = new StringBuilder();
            int length = 1 + random.nextInt(15);
            for (int i = 0; i < length; i++) {
                payload.append((char) ('0' + random.nextInt(10)));
            }
            String full = payload.toString() + Luhn.checkDigit(payload);
            assertTrue(Luhn.isValid(full), full);
            for (int pos = 0; pos < full.length(); pos++) {
                for (char c = '0'; c <= '9'; c++) {
                    if (c != full.charAt(pos)) {
                        StringBuilder changed = new StringBuilder(full);
                        changed.setCharAt(pos, c);
                        assertFalse(Luhn.isValid(changed), changed.toString());
                    }
                }
            }
        }
    }

    @Test
    void acceptsAnyCharSequence() {
        assertEquals(6, Luhn.checkDigit(new StringBuilder("811218987")));
        assertTrue(Luhn.isValid(new StringBuilder("8112189876")));
    }
}
