package se.lefi.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.lefi.domain.identity.InvalidIdentityNumberException.Kind;
import se.lefi.domain.identity.InvalidIdentityNumberException.Reason;

class PersonIdTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    /** Appends the Luhn check digit to a 9-digit YYMMDDNNN payload, keeping any prefix/separator. */
    private static String withCheck(String prefix, String yymmdd, String separator, String nnn) {
        return prefix + yymmdd + separator + nnn + Luhn.checkDigit(yymmdd + nnn);
    }

    private static PersonId parse(String text) {
        return PersonId.parse(text, TODAY);
    }

    private static InvalidIdentityNumberException refused(String text) {
        return assertThrows(InvalidIdentityNumberException.class, () -> PersonId.parse(text, TODAY));
    }

    // --- accepted forms ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"811218-9876", "8112189876", "198112189876", "19811218-9876",
        "  811218-9876  ", "\t8112189876\n"})
    void classicExampleInEveryAcceptedForm(String text) {
        PersonId id = parse(text);
        assertEquals("198112189876", id.canonical());
        assertEquals(LocalDate.of(1981, 12, 18), id.birthDate());
        assertFalse(id.isCoordinationNumber());
    }

    @Test
    void skatteverketExampleWithHyphenIsThisCentury() {
        PersonId id = parse("121212-1212");
        assertEquals("201212121212", id.canonical());
        assertEquals(LocalDate.of(2012, 12, 12), id.birthDate());
    }

    @Test
    void plusMeansAHundredYearsOrOlder() {
        assertEquals("191212121212", parse("121212+1212").canonical());
        assertEquals(LocalDate.of(1912, 12, 12), parse("121212+1212").birthDate());
        assertEquals("188112189876", parse("811218+9876").canonical());
    }

    @Test
    void twelveDigitFormsKeepTheirCentury() {
        assertEquals(LocalDate.of(1912, 12, 12), parse("19121212-1212").birthDate());
        assertEquals(LocalDate.of(1912, 12, 12), parse("191212121212").birthDate());
        assertEquals(LocalDate.of(2012, 12, 12), parse("201212121212").birthDate());
        assertEquals(parse("121212+1212"), parse("19121212-1212"));
    }

    @Test
    void shortFormWhoseDateWouldBeInTheFutureTakesThePreviousCentury() {
        String text = withCheck("", "261231", "-", "123");
        assertEquals(LocalDate.of(1926, 12, 31), parse(text).birthDate());
        assertEquals("19261231123" + text.charAt(10), parse(text).canonical());
        // Tomorrow is still in the future, so also the previous century.
        assertEquals(LocalDate.of(1926, 11, 24), parse(withCheck("", "261124", "-", "123")).birthDate());
        // A later year of the current century is in the future too.
        assertEquals(LocalDate.of(1927, 1, 1), parse(withCheck("", "270101", "-", "123")).birthDate());
        // And with '+' a further hundred years back.
        assertEquals(LocalDate.of(1826, 12, 31), parse(withCheck("", "261231", "+", "123")).birthDate());
    }

    @Test
    void bornTodayIsThisCenturyWithHyphenAndAHundredYearsAgoWithPlus() {
        assertEquals(TODAY, parse(withCheck("", "261123", "-", "123")).birthDate());
        assertEquals(TODAY.minusYears(100), parse(withCheck("", "261123", "+", "123")).birthDate());
        assertEquals(LocalDate.of(2026, 1, 1), parse(withCheck("", "260101", "-", "123")).birthDate());
    }

    @Test
    void centuryFollowsTheReferenceDate() {
        String text = withCheck("", "261231", "-", "123");
        assertEquals(LocalDate.of(1926, 12, 31), PersonId.parse(text, LocalDate.of(2026, 12, 30)).birthDate());
        assertEquals(LocalDate.of(2026, 12, 31), PersonId.parse(text, LocalDate.of(2026, 12, 31)).birthDate());
        assertEquals(LocalDate.of(2026, 12, 31), PersonId.parse(text, LocalDate.of(2027, 1, 1)).birthDate());
        assertEquals(LocalDate.of(1981, 12, 18), PersonId.parse("811218-9876", LocalDate.of(2081, 12, 17)).birthDate());
        assertEquals(LocalDate.of(2081, 12, 18), PersonId.parse("811218-9876", LocalDate.of(2081, 12, 18)).birthDate());
    }

    @Test
    void leapDayDependsOnTheDerivedCentury() {
        String hyphen = withCheck("", "000229", "-", "123");
        assertEquals(LocalDate.of(2000, 2, 29), parse(hyphen).birthDate());
        String plus = withCheck("", "000229", "+", "123"); // 1900 was not a leap year
        assertEquals(Reason.DATE, refused(plus).reason());
        assertEquals(LocalDate.of(1996, 2, 29), parse(withCheck("", "960229", "-", "123")).birthDate());
        assertEquals(Reason.DATE, refused(withCheck("19", "970229", "", "123")).reason());
    }

    // --- samordningsnummer ------------------------------------------------------------------

    @Test
    void coordinationNumberHasSixtyAddedToTheDay() {
        PersonId id = parse("701063-2391"); // Skatteverket's samordningsnummer example
        assertTrue(id.isCoordinationNumber());
        assertEquals(LocalDate.of(1970, 10, 3), id.birthDate());
        assertEquals("197010632391", id.canonical());
    }

    @Test
    void coordinationNumberDay72IsThe12th() {
        String text = withCheck("", "121272", "-", "121");
        PersonId id = parse(text);
        assertTrue(id.isCoordinationNumber());
        assertEquals(LocalDate.of(2012, 12, 12), id.birthDate());
        assertEquals("20" + text.replace("-", ""), id.canonical());
        assertEquals(id, parse(id.canonical()));
        assertEquals(id, parse("20121272-" + text.substring(7)));
        assertNotEquals(parse(withCheck("", "121212", "-", "121")), id);
    }

    @Test
    void coordinationNumberDayBounds() {
        assertEquals(LocalDate.of(1950, 12, 1), parse(withCheck("", "501261", "-", "123")).birthDate());
        assertEquals(LocalDate.of(1950, 12, 31), parse(withCheck("", "501291", "-", "123")).birthDate());
        assertEquals(Reason.DATE, refused(withCheck("", "501292", "-", "123")).reason());
        assertEquals(Reason.DATE, refused(withCheck("", "501160", "-", "123")).reason());
        assertEquals(Reason.DATE, refused(withCheck("", "501191", "-", "123")).reason()); // 31 November
        assertEquals(Reason.DATE, refused(withCheck("", "500290", "-", "123")).reason()); // 30 February
    }

    // --- refusals ---------------------------------------------------------------------------

    static Stream<Arguments> refusals() {
        return Stream.of(
            Arguments.of("19900230" + "123" + Luhn.checkDigit("900230123"), Reason.DATE),
            Arguments.of(withCheck("", "900230", "-", "123"), Reason.DATE),
            Arguments.of(withCheck("", "900100", "-", "123"), Reason.DATE),     // day 00
            Arguments.of(withCheck("", "900132", "-", "123"), Reason.DATE),     // day 32
            Arguments.of(withCheck("", "900431", "-", "123"), Reason.DATE),     // 31 April
            Arguments.of(withCheck("", "900001", "-", "123"), Reason.DATE),     // month 00
            Arguments.of(withCheck("", "901301", "-", "123"), Reason.DATE),     // month 13
            Arguments.of("811218-9875", Reason.CHECK_DIGIT),
            Arguments.of("8112189877", Reason.CHECK_DIGIT),
            Arguments.of("198112189870", Reason.CHECK_DIGIT),
            Arguments.of("121212-1213", Reason.CHECK_DIGIT),
            Arguments.of("701063-2392", Reason.CHECK_DIGIT),
            Arguments.of(withCheck("20", "261124", "", "123"), Reason.FUTURE_DATE),   // tomorrow
            Arguments.of(withCheck("20", "301231", "-", "123"), Reason.FUTURE_DATE),
            Arguments.of(withCheck("20", "261184", "", "123"), Reason.FUTURE_DATE),   // coordination, tomorrow
            Arguments.of("", Reason.FORMAT),
            Arguments.of("   ", Reason.FORMAT),
            Arguments.of("811218-987", Reason.FORMAT),
            Arguments.of("811218987", Reason.FORMAT),
            Arguments.of("81121898760", Reason.FORMAT),
            Arguments.of("1981121898761", Reason.FORMAT),
            Arguments.of("19811218-98761", Reason.FORMAT),
            Arguments.of("81121A-9876", Reason.FORMAT),
            Arguments.of("811218-98X6", Reason.FORMAT),
            Arguments.of("811218 9876", Reason.FORMAT),
            Arguments.of("811218/9876", Reason.FORMAT),
            Arguments.of("811218--9876", Reason.FORMAT),
            Arguments.of("8112-189876", Reason.FORMAT),
            Arguments.of("19811218+9876", Reason.FORMAT),
            Arguments.of("1981121-89876", Reason.FORMAT),
            Arguments.of("-8112189876", Reason.FORMAT),
            Arguments.of("+811218-9876", Reason.FORMAT),
            Arguments.of("٨١١٢١٨-٩٨٧٦", Reason.FORMAT),      // non-ASCII digits
            Arguments.of("８１１２１８-９８７６", Reason.FORMAT)); // full-width digits
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusedWithTheRightReasonAndWithoutLeakingTheNumber(String text, Reason reason) {
        InvalidIdentityNumberException e = refused(text);
        assertEquals(reason, e.reason());
        assertEquals(Kind.PERSON_ID, e.kind());
        assertFalse(PersonId.isValid(text, TODAY));
        assertNoDigits(e.getMessage());
        assertNoDigits(e.toString());
        assertNull(e.getCause());
        String digitsOnly = text.replaceAll("\\D", "");
        if (digitsOnly.length() >= 4) {
            assertFalse(e.getMessage().contains(digitsOnly));
            assertFalse(e.getMessage().contains(text.strip()));
        }
    }

    @Test
    void messageNeverContainsTheNumberForAnyReason() {
        for (String text : new String[] {"19900230-1234", "811218-9875", "20301231-1234", "81121A-9876"}) {
            String message = refused(text).getMessage();
            assertFalse(message.contains(text));
            assertFalse(message.contains("1218"));
            assertFalse(message.contains("0230"));
            assertFalse(FOUR_DIGITS.matcher(message).find());
        }
    }

    @Test
    void nullIsAFormatRefusalAndNullReferenceDateIsAProgrammingError() {
        assertEquals(Reason.FORMAT, refused(null).reason());
        assertFalse(PersonId.isValid(null));
        assertFalse(PersonId.isValid(null, TODAY));
        assertThrows(NullPointerException.class, () -> PersonId.parse("811218-9876", null));
    }

    // --- value behaviour --------------------------------------------------------------------

    @Test
    void canonicalIsTwelveDigits() {
        for (String text : new String[] {"811218-9876", "121212+1212", "701063-2391", "201212121212"}) {
            assertTrue(parse(text).canonical().matches("\\d{12}"), text);
            assertEquals(parse(text), parse(parse(text).canonical()));
        }
    }

    @Test
    void toStringRevealsNoDigits() {
        for (String text : new String[] {"811218-9876", "121212+1212", "701063-2391"}) {
            String shown = parse(text).toString();
            assertFalse(FOUR_DIGITS.matcher(shown).find(), shown);
            assertNoDigits(shown);
        }
    }

    @Test
    void equalityIsByCanonicalForm() {
        PersonId a = parse("811218-9876");
        PersonId b = parse("19811218-9876");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, parse("811218+9876"));
        assertNotEquals(a, parse("121212-1212"));
        assertNotEquals(a, null);
        assertNotEquals(a, "198112189876");
    }

    @Test
    void parseWithoutReferenceDateUsesTodayInSweden() {
        assertEquals(LocalDate.of(1981, 12, 18), PersonId.parse("811218-9876").birthDate());
        assertEquals(LocalDate.of(1912, 12, 12), PersonId.parse("121212+1212").birthDate());
        assertTrue(PersonId.isValid("811218-9876"));
        assertFalse(PersonId.isValid("811218-9875"));
        assertFalse(PersonId.isValid("99991231-1234"));
    }

    @Test
    void isValidMatchesParse() {
        assertTrue(PersonId.isValid("121212-1212", TODAY));
        assertTrue(PersonId.isValid("701063-2391", TODAY));
        assertFalse(PersonId.isValid("121212-1213", TODAY));
        assertFalse(PersonId.isValid("hello", TODAY));
    }

    private static void assertNoDigits(String s) {
        assertFalse(s.matches("(?s).*\\d.*"), () -> "contains a digit: " + s);
    }
}
