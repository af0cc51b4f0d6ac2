package se.lefi.domain.audit;

import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one chain of seals and the records they cover, seal by seal in order, and names every finding:
 * the same check for the server's online verification (records and seals read from the database) and the
 * offline verifier (read from an exported archive). Pure: it is given what was read and the signing key.
 *
 * <p>For a signed seal (format 2) the seal's statement names each record's id and hash, so a finding names
 * the record: changed (its content no longer gives its hash, or its hash is not the one sealed), removed
 * (sealed but absent), moved (its content is sealed under another id, or it stands elsewhere in the order)
 * or inserted (it names the seal, which does not cover it). Seals of format 1, from before seals were
 * signed, hash their records' hashes without naming them: a finding there names the seal.
 */
public final class ChainCheck {
    public enum Kind {
        RECORD_CHANGED, RECORD_REMOVED, RECORD_MOVED, RECORD_INSERTED,
        SEAL_REMOVED, LINK_BROKEN, SEAL_CHANGED, SIGNATURE_INVALID, SIGNATURE_MISSING
    }

    /** One thing wrong: what, in which chain, and the record or seal it is about. */
    public record Finding(Kind kind, String chain, long subject, String message) {
    }

    /** One record as read: its id, the hash it stores, and the hash its content gives now. */
    public record Entry(long id, String storedHash, String contentHash) {
    }

    /** One seal as read. {@code entries} and {@code signature} are null for format 1. */
    public record Seal(long id, int format, Instant sealedAt, int recordCount, String previousHash, String sealHash,
                       List<SealStatement.Entry> entries, String signature) {
    }

    private final String chain;
    private final PublicKey signingKey;
    private final List<Finding> findings = new ArrayList<>();
    private Long previousId;
    private boolean sawSigned;
    private String expectedPrevious;
    private int seals;
    private long records;

    /**
     * @param previousHash the hash the first seal checked must follow: {@link AuditChain#GENESIS} for a
     *                     whole chain, the archive's anchor for an export that starts later
     * @param firstId      the first seal's number, or null when an export may start anywhere
     */
    public ChainCheck(String chain, PublicKey signingKey, String previousHash, Long firstId) {
        this.chain = chain;
        this.signingKey = signingKey;
        this.expectedPrevious = previousHash;
        this.previousId = firstId == null ? null : firstId - 1;
    }

    /** Checks {@code seal} after the seals before it, with the records that name it in the order they were read. */
    public void seal(Seal seal, List<Entry> recordsAsRead) {
        seals++;
        records += recordsAsRead.size();
        boolean gap = previousId != null && seal.id() != previousId + 1;
        if (gap) {
            for (long missing = previousId + 1; missing < seal.id(); missing++) {
                found(Kind.SEAL_REMOVED, missing, chain + " seal " + missing + " is missing");
            }
        }
        // After a missing seal the link cannot hold; the missing seal is the finding.
        if (!gap && !seal.previousHash().equals(expectedPrevious)) {
            found(Kind.LINK_BROKEN, seal.id(), chain + " seal " + seal.id() + " does not follow the seal before it");
        }
        if (seal.format() >= SealStatement.FORMAT) {
            sawSigned = true;
            signed(seal, recordsAsRead);
        } else {
            if (sawSigned) {
                // Rewriting later seals into the old, unsigned format would otherwise escape every signature check.
                found(Kind.SIGNATURE_MISSING, seal.id(), chain + " seal " + seal.id() + " is of the unsigned format after signed seals");
            }
            legacy(seal, recordsAsRead);
        }
        previousId = seal.id();
        expectedPrevious = seal.sealHash();
    }

    /**
     * Ends a stretch that should close with seal {@code lastSeal} of hash {@code lastHash} (an archive's
     * signed manifest says so): each seal after the last one read is missing, and a last seal of another
     * hash is not the one named.
     */
    public void end(long lastSeal, String lastHash) {
        long lastRead = previousId == null ? 0 : previousId;
        for (long missing = lastRead + 1; missing <= lastSeal; missing++) {
            found(Kind.SEAL_REMOVED, missing, chain + " seal " + missing + " is missing");
        }
        if (lastRead == lastSeal && !lastHash.equals(expectedPrevious)) {
            found(Kind.LINK_BROKEN, lastSeal, chain + " seal " + lastSeal + " is not the last seal the manifest names");
        }
    }

    private void signed(Seal seal, List<Entry> recordsAsRead) {
        if (seal.entries() == null) {
            found(Kind.SEAL_CHANGED, seal.id(), chain + " seal " + seal.id() + "'s list of records is unreadable: the seal was changed");
            return;
        }
        String statement = SealStatement.text(chain, seal.id(), seal.sealedAt(), seal.previousHash(), seal.entries());
        if (!SealStatement.hash(statement).equals(seal.sealHash())) {
            found(Kind.SEAL_CHANGED, seal.id(), chain + " seal " + seal.id() + " no longer gives its hash: the seal was changed");
        }
        if (seal.signature() == null) {
            found(Kind.SIGNATURE_MISSING, seal.id(), chain + " seal " + seal.id() + " is not signed");
        } else if (!SealSignature.verifies(signingKey, statement, seal.signature())) {
            found(Kind.SIGNATURE_INVALID, seal.id(), chain + " seal " + seal.id() + "'s signature does not verify");
        }

        Map<Long, String> sealedHash = new HashMap<>();
        Map<String, Long> sealedId = new HashMap<>();
        for (SealStatement.Entry entry : seal.entries()) {
            sealedHash.put(entry.id(), entry.hash());
            sealedId.put(entry.hash(), entry.id());
        }
        Set<Long> present = new HashSet<>();
        List<Long> inSealOrder = new ArrayList<>();
        for (Entry record : recordsAsRead) {
            if (!present.add(record.id())) {
                found(Kind.RECORD_INSERTED, record.id(), chain + " record " + record.id() + " is there twice");
                continue;
            }
            String sealed = sealedHash.get(record.id());
            Long sealedUnder = sealedId.get(record.contentHash());
            if (!record.contentHash().equals(record.storedHash())) {
                found(Kind.RECORD_CHANGED, record.id(), chain + " record " + record.id() + " was changed after it was written");
            } else if (sealed == null) {
                found(Kind.RECORD_INSERTED, record.id(), chain + " record " + record.id() + " names seal " + seal.id()
                        + ", which does not cover it");
            } else if (sealed.equals(record.contentHash())) {
                inSealOrder.add(record.id());
            } else if (sealedUnder != null) {
                found(Kind.RECORD_MOVED, record.id(), chain + " record " + record.id() + " holds what was sealed as record " + sealedUnder);
            } else {
                found(Kind.RECORD_CHANGED, record.id(), chain + " record " + record.id() + " is not what was sealed");
            }
        }
        for (SealStatement.Entry entry : seal.entries()) {
            if (!present.contains(entry.id())) {
                found(Kind.RECORD_REMOVED, entry.id(), chain + " record " + entry.id() + " was sealed in seal " + seal.id()
                        + " and is missing");
            }
        }
        // The records that are as sealed must also stand in the sealed order.
        Set<Long> asSealed = new HashSet<>(inSealOrder);
        List<Long> sealedOrder = seal.entries().stream().map(SealStatement.Entry::id).filter(asSealed::contains).distinct().toList();
        for (int i = 0; i < Math.min(sealedOrder.size(), inSealOrder.size()); i++) {
            if (!sealedOrder.get(i).equals(inSealOrder.get(i))) {
                found(Kind.RECORD_MOVED, inSealOrder.get(i), chain + " record " + inSealOrder.get(i) + " is out of the sealed order");
            }
        }
    }

    private void legacy(Seal seal, List<Entry> recordsAsRead) {
        for (Entry record : recordsAsRead) {
            if (!record.contentHash().equals(record.storedHash())) {
                found(Kind.RECORD_CHANGED, record.id(), chain + " record " + record.id() + " was changed after it was written");
            }
        }
        if (recordsAsRead.size() != seal.recordCount()) {
            found(Kind.RECORD_REMOVED, seal.id(), chain + " seal " + seal.id() + " covers " + seal.recordCount() + " records, "
                    + recordsAsRead.size() + " remain");
        } else if (!AuditChain.sealHash(seal.previousHash(), recordsAsRead.stream().map(Entry::storedHash).toList()).equals(seal.sealHash())) {
            found(Kind.SEAL_CHANGED, seal.id(), chain + " seal " + seal.id() + " does not match its records");
        }
    }

    private void found(Kind kind, long subject, String message) {
        findings.add(new Finding(kind, chain, subject, message));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public int seals() {
        return seals;
    }

    public long records() {
        return records;
    }
}
