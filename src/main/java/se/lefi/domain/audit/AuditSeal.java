package se.lefi.domain.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One link of the audit records' chain. */
@Entity
@Table(name = "AUDIT_SEAL")
@NamedQueries({
        @NamedQuery(name = AuditSeal.LAST, query = "select s from AuditSeal s order by s.id desc"),
        @NamedQuery(name = AuditSeal.IN_ORDER, query = "select s from AuditSeal s order by s.id"),
        @NamedQuery(name = AuditSeal.SEALED_BETWEEN, query = "select s from AuditSeal s where s.sealedAt >= :from and s.sealedAt < :to order by s.id"),
        @NamedQuery(name = AuditSeal.BY_ID, query = "select s from AuditSeal s where s.id = :id")})
public class AuditSeal extends ChainSeal {
    public static final String LAST = "AuditSeal.last";
    public static final String IN_ORDER = "AuditSeal.inOrder";
    public static final String SEALED_BETWEEN = "AuditSeal.sealedBetween";
    public static final String BY_ID = "AuditSeal.byId";

    protected AuditSeal() {
    }

    public static AuditSeal after(AuditSeal previous, List<AuditRecord> records, Instant now, Signer signer) {
        AuditSeal seal = new AuditSeal();
        seal.seal(previous, records, now, signer);
        return seal;
    }

    @Override
    protected String chain() {
        return SealStatement.AUDIT;
    }
}
