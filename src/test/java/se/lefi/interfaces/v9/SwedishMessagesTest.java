package se.lefi.interfaces.v9;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import se.lefi.domain.shared.RefusalCode;

class SwedishMessagesTest {
    @Test
    void everyRefusalCodeHasASwedishText() {
        assertTrue(SwedishMessages.coversEveryCode());
        for (RefusalCode code : RefusalCode.values()) {
            assertTrue(SwedishMessages.of(code).endsWith("."), code.name());
        }
    }

    @Test
    void theFelsvarStartsWithTheCodeAndNamesTheAuditRecord() {
        String meddelande = FormansinformationServlet.felsvar(RefusalCode.CASE_MISSING, SwedishMessages.of(RefusalCode.CASE_MISSING), "r-1")
                .getString("meddelande");
        assertEquals("CASE_MISSING: En myndighet måste ange sitt öppna ärende om personen; ange det i rubriken Lefi-Arendeidentitet."
                + " (requestId r-1)", meddelande);
    }
}
