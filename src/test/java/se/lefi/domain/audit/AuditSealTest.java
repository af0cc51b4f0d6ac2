package se.lefi.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSealTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456789Z");

    private static AuditRecord record(int n, String outcome) {
        AuditRecord record = new AuditRecord("request-" + n, NOW.plusSeconds(n), "SYSTEM_TO_SYSTEM", "GetBenefitInformation")
                .caller("5569000010", "ab".repeat(32))
                .subject("198112189876", "COORDINATION_OF_COMPENSATION", null)
                .disclosed("SJP", null, NOW)
                .outcome(outcome);
        record.hashContent();
        return record;
    }

    private static List<AuditRecord> records() {
        return new ArrayList<>(List.of(record(1, "GRANTED"), record(2, "CONSENT_MISSING"), record(3, "GRANTED")));
    }

    private static void tamper(AuditRecord record, String field, Object value) throws Exception {
        Field f = AuditRecord.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(record, value);
    }

    @Test
    void anUntouchedChainVerifies() {
        List<AuditRecord> first = records();
        AuditSeal one = AuditSeal.after(null, first, NOW);
        List<AuditRecord> second = List.of(record(4, "GRANTED"));
        AuditSeal two = AuditSeal.after(one, second, NOW);

        assertNull(one.verify(null, first));
        assertNull(two.verify(one, second));
        assertEquals(2L, two.id());
    }

    @Test
    void aChangedRecordIsFound() throws Exception {
        List<AuditRecord> records = records();
        AuditSeal seal = AuditSeal.after(null, records, NOW);
        tamper(records.get(1), "outcome", "GRANTED");

        String problem = seal.verify(null, records);
        assertNotNull(problem);
        assertTrue(problem.contains("request-2"), problem);
    }

    @Test
    void aRemovedRecordIsFound() {
        List<AuditRecord> records = records();
        AuditSeal seal = AuditSeal.after(null, records, NOW);
        records.remove(1);

        assertNotNull(seal.verify(null, records));
    }

    @Test
    void aRecordWhoseHashWasRewrittenToMatchStillBreaksTheSeal() throws Exception {
        List<AuditRecord> records = records();
        AuditSeal seal = AuditSeal.after(null, records, NOW);
        tamper(records.get(0), "personId", "199001011234");
        records.get(0).hashContent();

        assertNotNull(seal.verify(null, records));
    }

    @Test
    void aSealOutOfChainIsFound() {
        AuditSeal one = AuditSeal.after(null, records(), NOW);
        AuditSeal other = AuditSeal.after(null, List.of(record(9, "GRANTED")), NOW);
        List<AuditRecord> second = List.of(record(4, "GRANTED"));
        AuditSeal two = AuditSeal.after(one, second, NOW);

        assertNotNull(two.verify(other, second));
    }

    @Test
    void hashesSurviveTheDatabasesMicrosecondPrecision() {
        AuditRecord record = record(1, "GRANTED");
        assertEquals(NOW.plusSeconds(1).getNano() / 1000 * 1000, record.recordedAt().getNano());
        assertEquals(record.recordHash(), record.computeHash());
    }

    @Test
    void absentAndEmptyFieldsHashDifferently() {
        assertNotEquals(AuditChain.contentHash("a", null), AuditChain.contentHash("a", ""));
    }
}
