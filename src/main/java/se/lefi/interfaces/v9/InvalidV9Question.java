package se.lefi.interfaces.v9;

/**
 * A question that is not a valid v9 question (LefiExternFormansinformationFraga). The message is one of a
 * fixed set of Swedish/English texts, chosen by {@link #reason()}; it never quotes the input, which may
 * hold a personnummer.
 */
public class InvalidV9Question extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the question was refused. Each reason has one fixed text. */
    public enum Reason {
        TOO_LARGE("Frågan är för stor. / The question is too large."),
        NOT_JSON("Frågan är inte giltig JSON. / The question is not valid JSON."),
        NOT_AN_OBJECT("Frågan måste vara ett JSON-objekt. / The question must be a JSON object."),
        UNKNOWN_PROPERTY("Frågan innehåller en okänd egenskap. / The question holds an unknown property."),
        DUPLICATE_PROPERTY("Frågan innehåller en egenskap två gånger. / The question holds a property twice."),
        WRONG_TYPE("En egenskap i frågan har fel typ. / A property of the question has the wrong type."),
        TOO_LONG("En sträng i frågan är för lång. / A string in the question is too long."),
        TOO_MANY_ITEMS("En lista i frågan har för många element. / A list in the question has too many items."),
        MISSING_PERSONNUMMER("Personnummer saknas. / The personnummer is missing."),
        INVALID_PERSONNUMMER("Personnumret har fel format. / The personnummer has the wrong format."),
        MISSING_PERIOD("Period saknas eller är ofullständig. / The period is missing or incomplete."),
        INVALID_DATE("Ett datum i perioden är inte ett giltigt datum. / A date of the period is not a valid date."),
        UNKNOWN_CODE("En kod i frågan är inte tillåten i sin lista. / A code of the question is not allowed in its list."),
        DUPLICATE_CODE("En kod förekommer två gånger i samma lista. / A code occurs twice in one list.");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Reason reason;

    public InvalidV9Question(Reason reason) {
        super(reason.text());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
