package se.lefi.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.lefi.domain.identity.InvalidIdentityNumberException.Kind;
import se.lefi.domain.identity.InvalidIdentityNumberException.Reason;

class OrganisationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"2120002411", "5569000010", "5569000028", "2120002411", "5569000036",
        "2021009994", "5569000044"})
    void knownValidNumbersInAllForms(String ten) {
        OrganisationNumber plain = OrganisationNumber.parse(ten);
        assertEquals(ten, plain.value());
        assertEquals("16" + ten, plain.withPrefix());
        assertEquals(ten, plain.toString());
        assertEquals(plain, OrganisationNumber.parse(ten.substring(0, 6) + "-" + ten.substring(6)));
        assertEquals(plain, OrganisationNumber.parse("16" + ten));
        assertEquals(plain, OrganisationNumber.parse(" " + ten + "\n"));
        assertTrue(OrganisationNumber.isValid(ten));
    }

    @Test
    void skatteverketPrefixedExample() {
        OrganisationNumber n = OrganisationNumber.parse("162120002411");
        assertEquals("2120002411", n.value());
        assertEquals("162120002411", n.withPrefix());
        assertEquals(n, OrganisationNumber.parse("212000-2411"));
        assertEquals(n.hashCode(), OrganisationNumber.parse("212000-2411").hashCode());
        assertNotEquals(n, OrganisationNumber.parse("5569000010"));
        assertNotEquals(n, "2120002411");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
            // Luhn-valid, but third digit < 2: personnummer, not organisation numbers.
            Arguments.of("8112189876", Reason.NOT_AN_ORGANISATION_NUMBER),
            Arguments.of("1212121212", Reason.NOT_AN_ORGANISATION_NUMBER),
            Arguments.of("121212-1212", Reason.NOT_AN_ORGANISATION_NUMBER),
            Arguments.of("161212121212", Reason.NOT_AN_ORGANISATION_NUMBER),
            Arguments.of("5509000010", Reason.NOT_AN_ORGANISATION_NUMBER),
            Arguments.of("5569000011", Reason.CHECK_DIGIT),
            Arguments.of("2120002412", Reason.CHECK_DIGIT),
            Arguments.of("212000-2410", Reason.CHECK_DIGIT),
            Arguments.of("162120002419", Reason.CHECK_DIGIT),
            Arguments.of("", Reason.FORMAT),
            Arguments.of("  ", Reason.FORMAT),
            Arguments.of("556900001", Reason.FORMAT),
            Arguments.of("55690000100", Reason.FORMAT),
            Arguments.of("172120002411", Reason.FORMAT),  // 12 digits without the 16 prefix
            Arguments.of("192120002411", Reason.FORMAT),
            Arguments.of("1621200024111", Reason.FORMAT),
            Arguments.of("16212000-2411", Reason.FORMAT),
            Arguments.of("5569-000010", Reason.FORMAT),
            Arguments.of("556900+0010", Reason.FORMAT),
            Arguments.of("556900-001O", Reason.FORMAT),
            Arguments.of("55690000 0", Reason.FORMAT),
            Arguments.of("５５６９０００００１０", Reason.FORMAT));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusedWithTheRightReasonAndWithoutEchoingTheInput(String text, Reason reason) {
        InvalidIdentityNumberException e =
                assertThrows(InvalidIdentityNumberException.class, () -> OrganisationNumber.parse(text));
        assertEquals(reason, e.reason());
        assertEquals(Kind.ORGANISATION_NUMBER, e.kind());
        assertFalse(OrganisationNumber.isValid(text));
        assertFalse(e.getMessage().matches("(?s).*\\d.*"), e.getMessage());
        if (!text.isBlank()) {
            assertFalse(e.getMessage().contains(text.strip()));
        }
        assertNull(e.getCause());
    }

    @Test
    void nullIsAFormatRefusal() {
        assertEquals(Reason.FORMAT,
                assertThrows(InvalidIdentityNumberException.class, () -> OrganisationNumber.parse(null)).reason());
        assertFalse(OrganisationNumber.isValid(null));
    }

    @Test
    void everyThirdDigitFromTwoUpIsAccepted() {
        for (char third = '2'; third <= '9'; third++) {
            String payload = "55" + third + "900001";
            String ten = payload + Luhn.checkDigit(payload);
            assertEquals(ten, OrganisationNumber.parse(ten).value());
        }
        for (char third = '0'; third <= '1'; third++) {
            String payload = "55" + third + "900001";
            String ten = payload + Luhn.checkDigit(payload);
            assertEquals(Reason.NOT_AN_ORGANISATION_NUMBER, assertThrows(
                    InvalidIdentityNumberException.class, () -> OrganisationNumber.parse(ten)).reason());
        }
    }
}
