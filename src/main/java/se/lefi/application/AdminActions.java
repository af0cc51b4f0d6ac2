package se.lefi.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import se.lefi.domain.audit.AdminAction;

/** The log of administrators' actions. */
@Stateless
public class AdminActions {
    @PersistenceContext
    EntityManager em;

    /**
     * An administrator's step on something without a lifecycle state of its own (the register,
     * subscriptions, service windows): no state before or after.
     */
    public static AdminAction of(Caller admin, String action, String target, String details, String outcome) {
        return new AdminAction(Instant.now(), admin.organisationNumber(), admin.certificateFingerprint(), action, target,
                null, null, details, outcome);
    }

    /** In the caller's transaction: the action commits with the change it records. */
    public void record(AdminAction action) {
        em.persist(action);
    }

    /** In a transaction of its own: a refused step rolls back, its record stays. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(AdminAction action) {
        em.persist(action);
        em.flush();
    }

    public List<AdminAction> recent(int max) {
        return em.createNamedQuery(AdminAction.RECENT, AdminAction.class).setMaxResults(Math.min(max, AuditLog.MAX_RESULTS)).getResultList();
    }
}
