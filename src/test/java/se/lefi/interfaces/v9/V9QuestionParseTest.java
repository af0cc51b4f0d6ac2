package se.lefi.interfaces.v9;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.lefi.domain.register.InformationType;
import se.lefi.interfaces.v9.InvalidV9Question.Reason;

class V9QuestionParseTest {

    private static final String PNR = "197407029284";

    private static V9Question parse(String json) throws InvalidV9Question {
        return V9Json.parseQuestion(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a question that must be refused, and checks the reason and that the text quotes no input. */
    private static Reason refused(String json) {
        InvalidV9Question e = assertThrows(InvalidV9Question.class, () -> parse(json));
        assertEquals(e.reason().text(), e.getMessage());
        assertFalse(e.getMessage().contains("7402"), "the message quotes the personnummer");
        return e.reason();
    }

    private static String question(String extra) {
        return "{\"personnummer\":\"" + PNR + "\",\"period\":{\"from\":\"2023-01-01\",\"tom\":\"2024-01-01\"}" + extra + "}";
    }

    @Test
    void parsesTheSpecsExampleQuestion() throws InvalidV9Question {
        V9Question q = parse("""
                {
                  "personnummer": "197407029284",
                  "period": { "from": "2023-01-01", "tom": "2024-01-01" },
                  "formansinformation": ["FK:SJP"],
                  "ovrigInformation": ["FK:GEPI"]
                }
                """);
        assertEquals(PNR, q.personnummer());
        assertEquals(LocalDate.of(2023, 1, 1), q.from());
        assertEquals(LocalDate.of(2024, 1, 1), q.tom());
        assertEquals(List.of("FK:SJP"), q.formansinformation());
        assertEquals(List.of("FK:GEPI"), q.ovrigInformation());
        assertEquals(List.of(), q.ansprak());
        assertEquals(List.of(), q.utbetalningar());
        assertEquals(EnumSet.of(InformationType.SJP, InformationType.GEPI), q.heldTypes());
        assertFalse(q.otherSourcesAsked());
        assertFalse(q.nothingAsked());
        assertFalse(q.toString().contains(PNR));
    }

    @Test
    void parsesAllSixClassesKeepingTheCallersCodes() throws InvalidV9Question {
        V9Question q = parse(question("""
                ,"formansinformation":["FK:FP","FK:ABB"], "ansprak":["PM:AP"], "beslut":["PM:EF","PM:BTI"],
                "preliminaraUtbetalningar":["FK:TFP","PM:AP"], "utbetalningar":["FK:SJP"],
                "ovrigInformation":["FK:SGI","FK:STAV","PM:PU"]"""));
        assertEquals(List.of("FK:FP", "FK:ABB"), q.formansinformation());
        assertEquals(List.of("PM:AP"), q.ansprak());
        assertEquals(List.of("PM:EF", "PM:BTI"), q.beslut());
        assertEquals(List.of("FK:TFP", "PM:AP"), q.preliminaraUtbetalningar());
        assertEquals(List.of("FK:SJP"), q.utbetalningar());
        assertEquals(List.of("FK:SGI", "FK:STAV", "PM:PU"), q.ovrigInformation());
        assertEquals(EnumSet.of(InformationType.FP, InformationType.ABB, InformationType.TFP, InformationType.SJP, InformationType.SGI),
                q.heldTypes());
        assertTrue(q.otherSourcesAsked());
    }

    @Test
    void otherSourcesAndNothingAsked() throws InvalidV9Question {
        assertTrue(parse(question("")).nothingAsked());
        assertTrue(parse(question(",\"formansinformation\":[],\"ovrigInformation\":[]")).nothingAsked());
        assertTrue(parse(question(",\"ovrigInformation\":[\"FK:SKUP\"]")).otherSourcesAsked());
        assertTrue(parse(question(",\"ovrigInformation\":[\"FK:PANV\"]")).otherSourcesAsked());
        assertTrue(parse(question(",\"beslut\":[\"PM:AP\"]")).otherSourcesAsked());
        assertFalse(parse(question(",\"utbetalningar\":[\"FK:SJP\"],\"ovrigInformation\":[\"FK:SGI\"]")).otherSourcesAsked());
        assertEquals(EnumSet.noneOf(InformationType.class), parse(question(",\"ansprak\":[\"PM:AP\"]")).heldTypes());
    }

    @Test
    void acceptsATenDigitPersonnummerAndLeavesTheCheckDigitToTheDecision() throws InvalidV9Question {
        assertEquals("7407029284", parse(question("").replace(PNR, "7407029284")).personnummer());
        assertEquals("197407029285", parse(question("").replace(PNR, "197407029285")).personnummer());
    }

    @Test
    void doesNotCompareTheDates() throws InvalidV9Question {
        V9Question q = parse("{\"personnummer\":\"" + PNR + "\",\"period\":{\"tom\":\"2020-01-01\",\"from\":\"2024-01-01\"}}");
        assertEquals(LocalDate.of(2024, 1, 1), q.from());
        assertEquals(LocalDate.of(2020, 1, 1), q.tom());
    }

    @Test
    void refusesUnknownProperties() {
        assertEquals(Reason.UNKNOWN_PROPERTY, refused(question(",\"syfte\":\"x\"")));
        assertEquals(Reason.UNKNOWN_PROPERTY, refused(question(",\"utlamnare\":[]")));
        assertEquals(Reason.UNKNOWN_PROPERTY,
                refused("{\"personnummer\":\"" + PNR + "\",\"period\":{\"from\":\"2023-01-01\",\"tom\":\"2024-01-01\",\"till\":\"x\"}}"));
        assertEquals(Reason.DUPLICATE_PROPERTY, refused(question(",\"personnummer\":\"" + PNR + "\"")));
    }

    @Test
    void refusesUnknownCodesAndCodesInTheWrongClass() {
        assertEquals(Reason.UNKNOWN_CODE, refused(question(",\"formansinformation\":[\"FK:XYZ\"]")));
        assertEquals(Reason.UNKNOWN_CODE, refused(question(",\"formansinformation\":[\"SJP\"]")));
        assertEquals(Reason.UNKNOWN_CODE, refused(question(",\"formansinformation\":[\"fk:sjp\"]")));
        // the right code in the wrong class
        assertEquals(Reason.UNKNOWN_CODE, refused(question(",\"formansinformation\":[\"FK:SGI\"]")));
        assertEquals(Reason.UNKNOWN_CODE, refused(question(",\"formansinformation\":[\"PM:AP\"]")));
        assertEquals(Reason.UNKNOWN_CODE, refused(question(",\"ansprak\":[\"FK:SJP\"]")));
        assertEquals(Reason.UNKNOWN_CODE, refused(question(",\"beslut\":[\"FK:AP\"]")));
        assertEquals(Reason.UNKNOWN_CODE, refused(question(",\"utbetalningar\":[\"FK:GEPI\"]")));
        assertEquals(Reason.UNKNOWN_CODE, refused(question(",\"ovrigInformation\":[\"FK:SJP\"]")));
        assertEquals(Reason.DUPLICATE_CODE, refused(question(",\"utbetalningar\":[\"FK:SJP\",\"FK:FP\",\"FK:SJP\"]")));
    }

    @Test
    void refusesWrongTypes() {
        assertEquals(Reason.WRONG_TYPE, refused(question(",\"formansinformation\":\"FK:SJP\"")));
        assertEquals(Reason.WRONG_TYPE, refused(question(",\"formansinformation\":[1]")));
        assertEquals(Reason.WRONG_TYPE, refused(question(",\"formansinformation\":[null]")));
        assertEquals(Reason.WRONG_TYPE, refused(question(",\"formansinformation\":null")));
        assertEquals(Reason.WRONG_TYPE, refused(question(",\"formansinformation\":[[[[[[\"FK:SJP\"]]]]]]")));
        assertEquals(Reason.WRONG_TYPE, refused("{\"personnummer\":197407029284,\"period\":{\"from\":\"2023-01-01\",\"tom\":\"2024-01-01\"}}"));
        assertEquals(Reason.WRONG_TYPE, refused("{\"personnummer\":\"" + PNR + "\",\"period\":[\"2023-01-01\",\"2024-01-01\"]}"));
        assertEquals(Reason.WRONG_TYPE, refused("{\"personnummer\":\"" + PNR + "\",\"period\":{\"from\":20230101,\"tom\":\"2024-01-01\"}}"));
    }

    @Test
    void refusesTooLongStringsBeforeTheirPattern() {
        String longDigits = "1".repeat(65);
        assertEquals(Reason.TOO_LONG, refused(question("").replace(PNR, longDigits)));
        assertEquals(Reason.TOO_LONG, refused(question(",\"formansinformation\":[\"FK:" + "A".repeat(70) + "\"]")));
        assertEquals(Reason.TOO_LONG, refused(question(",\"" + "x".repeat(65) + "\":1")));
        // 13..64 characters: caught by the length check before the pattern
        assertEquals(Reason.INVALID_PERSONNUMMER, refused(question("").replace(PNR, "1974070292841")));
        assertEquals(Reason.INVALID_PERSONNUMMER, refused(question("").replace(PNR, "19740702928")));
        assertEquals(Reason.INVALID_PERSONNUMMER, refused(question("").replace(PNR, "740702-9284")));
        assertEquals(Reason.INVALID_PERSONNUMMER, refused(question("").replace(PNR, "")));
    }

    @Test
    void refusesWhatIsNotJsonOrNotAnObject() {
        assertEquals(Reason.NOT_JSON, refused("personnummer=197407029284"));
        assertEquals(Reason.NOT_JSON, refused(question("").substring(0, 40)));
        assertEquals(Reason.NOT_JSON, refused(question("") + "{}"));
        assertEquals(Reason.NOT_JSON, refused(question(",")));
        assertEquals(Reason.NOT_JSON, refused(""));
        assertEquals(Reason.NOT_AN_OBJECT, refused("[]"));
        assertEquals(Reason.NOT_AN_OBJECT, refused("\"" + PNR + "\""));
        assertEquals(Reason.NOT_AN_OBJECT, refused("null"));
        InvalidV9Question e = assertThrows(InvalidV9Question.class, () -> V9Json.parseQuestion(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}));
        assertEquals(Reason.NOT_JSON, e.reason());
        e = assertThrows(InvalidV9Question.class, () -> V9Json.parseQuestion(null));
        assertEquals(Reason.NOT_JSON, e.reason());
    }

    @Test
    void refusesAMissingOrIncompletePeriodAndBadDates() {
        assertEquals(Reason.MISSING_PERIOD, refused("{\"personnummer\":\"" + PNR + "\"}"));
        assertEquals(Reason.MISSING_PERIOD, refused("{\"personnummer\":\"" + PNR + "\",\"period\":{\"from\":\"2023-01-01\"}}"));
        assertEquals(Reason.MISSING_PERIOD, refused("{\"personnummer\":\"" + PNR + "\",\"period\":{}}"));
        assertEquals(Reason.MISSING_PERSONNUMMER, refused("{\"period\":{\"from\":\"2023-01-01\",\"tom\":\"2024-01-01\"}}"));
        assertEquals(Reason.INVALID_DATE, refused(question("").replace("2024-01-01", "2023-02-30")));
        assertEquals(Reason.INVALID_DATE, refused(question("").replace("2024-01-01", "2024-1-01")));
        assertEquals(Reason.INVALID_DATE, refused(question("").replace("2024-01-01", "2024-01-01T00:00:00")));
        assertEquals(Reason.INVALID_DATE, refused(question("").replace("2024-01-01", "")));
    }

    @Test
    void refusesTooLargeBodiesBeforeParsing() {
        byte[] big = new byte[V9Json.MAX_QUESTION_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        InvalidV9Question e = assertThrows(InvalidV9Question.class, () -> V9Json.parseQuestion(big));
        assertEquals(Reason.TOO_LARGE, e.reason());
        // exactly the limit is parsed (here: white space around a valid question)
        byte[] json = question(",\"formansinformation\":[\"FK:SJP\"]").getBytes(StandardCharsets.UTF_8);
        byte[] atLimit = new byte[V9Json.MAX_QUESTION_BYTES];
        java.util.Arrays.fill(atLimit, (byte) ' ');
        System.arraycopy(json, 0, atLimit, 0, json.length);
        V9Question q = assertDoesNotThrowInvalid(atLimit);
        assertEquals(List.of("FK:SJP"), q.formansinformation());
    }

    @Test
    void aLongListOfCodesIsRefusedAtItsFirstRepeat() {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            codes.append(i == 0 ? "" : ",").append("\"FK:SJP\"");
        }
        assertEquals(Reason.DUPLICATE_CODE, refused(question(",\"utbetalningar\":[" + codes + "]")));
    }

    private static V9Question assertDoesNotThrowInvalid(byte[] json) {
        try {
            return V9Json.parseQuestion(json);
        } catch (InvalidV9Question e) {
            throw new AssertionError("refused: " + e.reason());
        }
    }
}
