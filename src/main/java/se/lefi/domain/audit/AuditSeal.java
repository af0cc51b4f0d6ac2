package se.lefi.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One link of the audit chain: a batch of records, hashed together with the previous seal. */
@Entity
@Table(name = "AUDIT_SEAL")
@NamedQueries({
        @NamedQuery(name = AuditSeal.LAST, query = "select s from AuditSeal s order by s.id desc"),
        @NamedQuery(name = AuditSeal.IN_ORDER, query = "select s from AuditSeal s order by s.id")})
public class AuditSeal {
    public static final String LAST = "AuditSeal.last";
    public static final String IN_ORDER = "AuditSeal.inOrder";

    @Id
    private Long id;

    @Column(name = "SEALED_AT", nullable = false)
    private Instant sealedAt;

    @Column(name = "RECORD_COUNT", nullable = false)
    private int recordCount;

    @Column(name = "PREVIOUS_HASH", nullable = false, length = 64)
    private String previousHash;

    @Column(name = "SEAL_HASH", nullable = false, length = 64)
    private String sealHash;

    protected AuditSeal() {
    }

    /** Seals {@code records} (in id order) after {@code previous}, or as the first seal when it is null. */
    public static AuditSeal after(AuditSeal previous, List<AuditRecord> records, Instant now) {
        AuditSeal seal = new AuditSeal();
        seal.id = previous == null ? 1 : previous.id + 1;
        seal.sealedAt = now;
        seal.recordCount = records.size();
        seal.previousHash = previous == null ? AuditChain.GENESIS : previous.sealHash;
        seal.sealHash = AuditChain.sealHash(seal.previousHash, records.stream().map(AuditRecord::recordHash).toList());
        return seal;
    }

    /**
     * Checks this seal against the records that name it and the seal before it; returns what is
     * wrong, or null when the link holds.
     */
    public String verify(AuditSeal previous, List<AuditRecord> records) {
        String expectedPrevious = previous == null ? AuditChain.GENESIS : previous.sealHash;
        if (!previousHash.equals(expectedPrevious)) {
            return "seal " + id + " does not follow seal " + (previous == null ? "(genesis)" : previous.id);
        }
        for (AuditRecord record : records) {
            if (!record.computeHash().equals(record.recordHash())) {
                return "audit record " + record.requestId() + " was changed after it was written";
            }
        }
        if (records.size() != recordCount) {
            return "seal " + id + " covers " + recordCount + " records, " + records.size() + " remain";
        }
        if (!AuditChain.sealHash(previousHash, records.stream().map(AuditRecord::recordHash).toList()).equals(sealHash)) {
            return "seal " + id + " does not match its records";
        }
        return null;
    }

    public Long id() {
        return id;
    }

    public int recordCount() {
        return recordCount;
    }
}
