package se.lefi.infrastructure.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.infrastructure.metrics.RequestOutcome;

/**
 * Writes audit records inside the caller's transaction, so an answer and its record commit or
 * fail together. The flush makes a failing write surface before any answer is built.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {
    @PersistenceContext
    EntityManager em;

    public void record(AuditRecord record) {
        em.persist(record);
        em.flush();
        RequestOutcome.note(record.interfaceName(), record.operation(), record.outcome());
    }

    /** Many records with one flush (a batch of notifications). */
    public void recordAll(java.util.Collection<AuditRecord> records) {
        records.forEach(em::persist);
        em.flush();
        records.stream().reduce((first, second) -> second)
                .ifPresent(last -> RequestOutcome.note(last.interfaceName(), last.operation(), last.outcome()));
    }
}
