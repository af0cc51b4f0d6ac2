package se.lefi.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.lefi.domain.audit.ChainCheck.Finding;
import se.lefi.domain.audit.ChainCheck.Kind;

/** Each way of tampering with a chain gives exactly its own finding, naming the record or seal. */
class ChainCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final KeyPair KEY = key();
    private static final KeyPair OTHER_KEY = key();
    private static final ChainSeal.Signer SIGNER = statement -> sign(KEY, statement);

    private static KeyPair key() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(KeyPair key, String statement) {
        return SealSignature.sign(key.getPrivate(), statement);
    }

    private static AuditRecord record(long id, String outcome) throws Exception {
        AuditRecord record = new AuditRecord("request-" + id, NOW.plusSeconds(id), "SYSTEM_TO_SYSTEM", "GetBenefitInformation")
                .caller("5569000010", "ab".repeat(32))
                .subject("198112189876", "COORDINATION_OF_COMPENSATION", null)
                .disclosed("SJP", null, NOW)
                .outcome(outcome);
        set(record, "id", id);
        record.hashContent();
        return record;
    }

    private static List<AuditRecord> records(long... ids) throws Exception {
        List<AuditRecord> records = new ArrayList<>();
        for (long id : ids) {
            records.add(record(id, id % 2 == 0 ? "CONSENT_MISSING" : "GRANTED"));
        }
        return records;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Fields.set(target, field, value);
    }

    /** Checks two seals with what is read of them. */
    private static List<Finding> check(AuditSeal one, List<AuditRecord> first, AuditSeal two, List<AuditRecord> second) {
        ChainCheck check = new ChainCheck(SealStatement.AUDIT, KEY.getPublic(), AuditChain.GENESIS, 1L);
        check.seal(one.asRead(), first.stream().map(AuditRecord::asRead).toList());
        check.seal(two.asRead(), second.stream().map(AuditRecord::asRead).toList());
        return check.findings();
    }

    private static Finding finding(Kind kind, long subject, String message) {
        return new Finding(kind, SealStatement.AUDIT, subject, message);
    }

    /** Records 1..3 in seal 1 and 4..5 in seal 2, signed with KEY; the lists are what a check reads. */
    private final List<AuditRecord> first;
    private final AuditSeal one;
    private final List<AuditRecord> second;
    private final AuditSeal two;

    ChainCheckTest() throws Exception {
        first = records(1, 2, 3);
        one = AuditSeal.after(null, first, NOW, SIGNER);
        second = records(4, 5);
        two = AuditSeal.after(one, second, NOW, SIGNER);
    }

    @Test
    void anUntouchedChainHasNoFinding() {
        assertEquals(List.of(), check(one, first, two, second));
        assertEquals(2L, two.id());
    }

    @Test
    void aChangedRecordIsNamed() throws Exception {
        set(first.get(1), "outcome", "GRANTED");
        assertEquals(List.of(finding(Kind.RECORD_CHANGED, 2, "audit record 2 was changed after it was written")),
                check(one, first, two, second));
    }

    @Test
    void aChangedRecordWhoseHashWasRewrittenIsStillNamed() throws Exception {
        set(second.get(0), "personId", "199001011234");
        second.get(0).hashContent();
        assertEquals(List.of(finding(Kind.RECORD_CHANGED, 4, "audit record 4 is not what was sealed")), check(one, first, two, second));
    }

    @Test
    void aRemovedRecordIsNamed() {
        first.remove(1);
        assertEquals(List.of(finding(Kind.RECORD_REMOVED, 2, "audit record 2 was sealed in seal 1 and is missing")),
                check(one, first, two, second));
    }

    @Test
    void recordsInAnotherOrderAreNamed() {
        first.add(0, first.remove(2)); // read as 3, 1, 2
        assertEquals(List.of(finding(Kind.RECORD_MOVED, 3, "audit record 3 is out of the sealed order"),
                        finding(Kind.RECORD_MOVED, 1, "audit record 1 is out of the sealed order"),
                        finding(Kind.RECORD_MOVED, 2, "audit record 2 is out of the sealed order")),
                check(one, first, two, second));
    }

    @Test
    void recordsWhoseIdsWereSwappedAreNamed() throws Exception {
        set(first.get(0), "id", 3L);
        set(first.get(2), "id", 1L);
        first.add(0, first.remove(2)); // in id order, as a database reads them
        assertEquals(List.of(finding(Kind.RECORD_MOVED, 1, "audit record 1 holds what was sealed as record 3"),
                        finding(Kind.RECORD_MOVED, 3, "audit record 3 holds what was sealed as record 1")),
                check(one, first, two, second));
    }

    @Test
    void anInsertedRecordIsNamed() throws Exception {
        second.add(1, record(9, "GRANTED"));
        assertEquals(List.of(finding(Kind.RECORD_INSERTED, 9, "audit record 9 names seal 2, which does not cover it")),
                check(one, first, two, second));
    }

    @Test
    void aBrokenLinkIsNamed() throws Exception {
        AuditSeal other = AuditSeal.after(null, records(7), NOW, SIGNER);
        AuditSeal twoAfterOther = AuditSeal.after(other, second, NOW, SIGNER); // seal 2, but after another seal 1
        assertEquals(List.of(finding(Kind.LINK_BROKEN, 2, "audit seal 2 does not follow the seal before it")),
                check(one, first, twoAfterOther, second));
    }

    @Test
    void aRemovedSealIsNamed() throws Exception {
        List<AuditRecord> third = records(6);
        AuditSeal three = AuditSeal.after(two, third, NOW, SIGNER);
        assertEquals(List.of(finding(Kind.SEAL_REMOVED, 2, "audit seal 2 is missing")), check(one, first, three, third));
    }

    @Test
    void aChangedSealIsNamed() throws Exception {
        set(two, "sealedAt", NOW.plusSeconds(3600));
        assertEquals(List.of(finding(Kind.SEAL_CHANGED, 2, "audit seal 2 no longer gives its hash: the seal was changed"),
                        finding(Kind.SIGNATURE_INVALID, 2, "audit seal 2's signature does not verify")),
                check(one, first, two, second));
    }

    @Test
    void aSealSignedByAnotherKeyIsNamed() {
        AuditSeal forged = AuditSeal.after(one, second, NOW, statement -> sign(OTHER_KEY, statement));
        assertEquals(List.of(finding(Kind.SIGNATURE_INVALID, 2, "audit seal 2's signature does not verify")),
                check(one, first, forged, second));
    }

    @Test
    void anUnsignedSealIsNamed() {
        AuditSeal unsigned = AuditSeal.after(null, first, NOW, statement -> null);
        AuditSeal after = AuditSeal.after(unsigned, second, NOW, SIGNER);
        assertEquals(List.of(finding(Kind.SIGNATURE_MISSING, 1, "audit seal 1 is not signed")), check(unsigned, first, after, second));
    }

    @Test
    void aSealRewrittenInTheUnsignedFormatAfterSignedOnesIsNamed() throws Exception {
        List<AuditRecord> third = records(6);
        AuditSeal three = AuditSeal.after(two, third, NOW, SIGNER);
        set(three, "format", 1);
        set(three, "sealHash", AuditChain.sealHash(three.previousHash(), List.of(third.get(0).recordHash())));
        ChainCheck check = new ChainCheck(SealStatement.AUDIT, KEY.getPublic(), AuditChain.GENESIS, 1L);
        check.seal(one.asRead(), first.stream().map(AuditRecord::asRead).toList());
        check.seal(two.asRead(), second.stream().map(AuditRecord::asRead).toList());
        check.seal(three.asRead(), third.stream().map(AuditRecord::asRead).toList());
        assertEquals(List.of(finding(Kind.SIGNATURE_MISSING, 3, "audit seal 3 is of the unsigned format after signed seals")), check.findings());
    }

    @Test
    void aSealWhoseListOfRecordsIsGarbledIsNamedNotThrown() throws Exception {
        set(two, "entries", "not an entry\n");
        assertEquals(List.of(finding(Kind.SEAL_CHANGED, 2, "audit seal 2's list of records is unreadable: the seal was changed")),
                check(one, first, two, second));
    }

    @Test
    void hashesSurviveTheDatabasesMicrosecondPrecision() throws Exception {
        AuditRecord record = record(1, "GRANTED");
        assertEquals(NOW.plusSeconds(1).getNano() / 1000 * 1000, record.recordedAt().getNano());
        assertEquals(record.recordHash(), record.computeHash());
    }

    @Test
    void absentAndEmptyFieldsHashDifferently() {
        assertNotEquals(AuditChain.contentHash("a", null), AuditChain.contentHash("a", ""));
    }
}
