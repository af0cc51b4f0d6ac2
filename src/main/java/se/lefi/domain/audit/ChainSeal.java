package se.lefi.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One link of a chain: a batch of records, stated with the previous seal's hash and the time
 * ({@link SealStatement}), hashed and signed. Audit records and administrators' actions each have a chain
 * of their own, in a table of their own.
 */
@MappedSuperclass
public abstract class ChainSeal {
    /** Signs a seal's statement: the audit-signing key's ECDSA signature, base64 DER; null when there is no key. */
    public interface Signer {
        String sign(String statement);
    }

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

    @Column(name = "FORMAT", nullable = false)
    private int format;

    @Column(name = "ENTRIES", length = 1_000_000)
    private String entries;

    @Column(name = "SIGNATURE", length = 200)
    private String signature;

    protected ChainSeal() {
    }

    /** The chain this seal belongs to: {@link SealStatement#AUDIT} or {@link SealStatement#ADMIN}. */
    protected abstract String chain();

    /** Seals {@code records} (in id order) after {@code previous}, or as the first seal when it is null. */
    protected void seal(ChainSeal previous, List<? extends Sealable> records, Instant now, Signer signer) {
        List<SealStatement.Entry> stated = records.stream().map(r -> new SealStatement.Entry(r.id(), r.recordHash())).toList();
        id = previous == null ? 1 : previous.id + 1;
        // Millisecond precision: every database keeps it, so the statement reads back as it was signed.
        sealedAt = now.truncatedTo(ChronoUnit.MILLIS);
        recordCount = records.size();
        previousHash = previous == null ? AuditChain.GENESIS : previous.sealHash;
        format = SealStatement.FORMAT;
        entries = SealStatement.entries(stated);
        String statement = SealStatement.text(chain(), id, sealedAt, previousHash, stated);
        sealHash = SealStatement.hash(statement);
        signature = signer.sign(statement);
    }

    /** The seal as the chain check reads it. */
    public ChainCheck.Seal asRead() {
        return new ChainCheck.Seal(id, format, sealedAt, recordCount, previousHash, sealHash,
                format >= SealStatement.FORMAT ? SealStatement.parseEntriesOrNull(entries) : null, signature);
    }

    public Long id() {
        return id;
    }

    public Instant sealedAt() {
        return sealedAt;
    }

    public int recordCount() {
        return recordCount;
    }

    public String previousHash() {
        return previousHash;
    }

    public String sealHash() {
        return sealHash;
    }

    public int format() {
        return format;
    }

    public String entries() {
        return entries;
    }

    public String signature() {
        return signature;
    }
}
