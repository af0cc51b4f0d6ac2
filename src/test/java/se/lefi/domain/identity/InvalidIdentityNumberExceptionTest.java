package se.lefi.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import se.lefi.domain.identity.InvalidIdentityNumberException.Kind;
import se.lefi.domain.identity.InvalidIdentityNumberException.Reason;

class InvalidIdentityNumberExceptionTest {

    @Test
    void everyMessageIsFixedTextWithoutDigits() {
        for (Kind kind : Kind.values()) {
            for (Reason reason : Reason.values()) {
                InvalidIdentityNumberException e = new InvalidIdentityNumberException(kind, reason);
                assertEquals(kind, e.kind());
                assertEquals(reason, e.reason());
                assertTrue(e.getMessage().startsWith("Invalid "), e.getMessage());
                assertFalse(e.getMessage().matches("(?s).*\\d.*"), e.getMessage());
            }
        }
    }

    @Test
    void isUncheckedAndAnIllegalArgument() {
        assertInstanceOf(IllegalArgumentException.class,
                new InvalidIdentityNumberException(Kind.PERSON_ID, Reason.FORMAT));
    }

    @Test
    void requiresKindAndReason() {
        assertThrows(NullPointerException.class, () -> new InvalidIdentityNumberException(null, Reason.FORMAT));
        assertThrows(NullPointerException.class, () -> new InvalidIdentityNumberException(Kind.PERSON_ID, null));
    }
}
