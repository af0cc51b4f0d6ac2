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

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    public void sealPending() {
        Instant now = Instant.now();
        List<AuditRecord> records = em.createNamedQuery(AuditRecord.UNSEALED, AuditRecord.class)
                .setParameter("before", now.minus(SETTLE))
                .setMaxResults(MAX_RECORDS_PER_SEAL)
                .getResultList();
        if (!records.isEmpty()) {
            AuditSeal previous = em.createNamedQuery(AuditSeal.LAST, AuditSeal.class).setMaxResults(1)
                    .getResultStream().findFirst().orElse(null);
            AuditSeal seal = AuditSeal.after(previous, records, now, signer);
            em.persist(seal);
            records.forEach(record -> record.sealIn(seal.id()));
        }

        List<AdminAction> actions = em.createNamedQuery(AdminAction.UNSEALED, AdminAction.class)
                .setParameter("before", now.minus(SETTLE))
                .setMaxResults(MAX_RECORDS_PER_SEAL)
                .getResultList();
        if (!actions.isEmpty()) {
            actions.forEach(AdminAction::hashIfUnhashed);
            AdminSeal previous = em.createNamedQuery(AdminSeal.LAST, AdminSeal.class).setMaxResults(1)
                    .getResultStream().findFirst().orElse(null);
            AdminSeal seal = AdminSeal.after(previous, actions, now, signer);
            em.persist(seal);
            actions.forEach(action -> action.sealIn(seal.id()));
        }
    }
}
