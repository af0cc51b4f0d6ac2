package se.lefi.infrastructure.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import se.lefi.domain.audit.AdminAction;
import se.lefi.domain.audit.AdminSeal;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.audit.AuditSeal;

/**
 * Chains new audit records, and new administrators' actions, into signed seals every few seconds, off the
 * question's hot path. Records are sealed once they are a moment old, so transactions still in flight with
 * lower ids are not passed over. With several nodes, a second seal after the same seal violates the chain's
 * unique previous hash and rolls back.
 */
@Singleton
public class AuditSealer {
    static final int MAX_RECORDS_PER_SEAL = 5000;
    static final Duration SETTLE = Duration.ofSeconds(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditSigner signer;

    /**
     * The last seal is read before the records to seal. With two nodes sealing at once, the one that reads
     * the last seal before the other commits builds a seal after the same seal, which the chain's unique
     * previous hash refuses; had it read the records first and the last seal after the other's commit, it
     * would have sealed records already sealed, unrefused.
     */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    public void sealPending() {
        Instant now = Instant.now();
        AuditSeal lastAudit = em.createNamedQuery(AuditSeal.LAST, AuditSeal.class).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        List<AuditRecord> records = em.createNamedQuery(AuditRecord.UNSEALED, AuditRecord.class)
                .setParameter("before", now.minus(SETTLE))
                .setMaxResults(MAX_RECORDS_PER_SEAL)
                .getResultList();
        if (!records.isEmpty()) {
            AuditSeal seal = AuditSeal.after(lastAudit, records, now, signer);
            em.persist(seal);
            records.forEach(record -> record.sealIn(seal.id()));
        }

        AdminSeal lastAdmin = em.createNamedQuery(AdminSeal.LAST, AdminSeal.class).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        List<AdminAction> actions = em.createNamedQuery(AdminAction.UNSEALED, AdminAction.class)
                .setParameter("before", now.minus(SETTLE))
                .setMaxResults(MAX_RECORDS_PER_SEAL)
                .getResultList();
        if (!actions.isEmpty()) {
            actions.forEach(AdminAction::hashIfUnhashed);
            AdminSeal seal = AdminSeal.after(lastAdmin, actions, now, signer);
            em.persist(seal);
            actions.forEach(action -> action.sealIn(seal.id()));
        }
    }
}
