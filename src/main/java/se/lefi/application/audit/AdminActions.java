package se.lefi.application.audit;

import se.lefi.domain.access.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import se.lefi.domain.audit.AdminAction;
import se.lefi.domain.party.LifecycleException;
import se.lefi.infrastructure.persistence.PartyVersion;

/** The log of administrators' actions. */
@Stateless
public class AdminActions {
    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /** What an administrator's step on something with a lifecycle state came to: its subject after it, or the refusal. */
    public record Step<T>(T after, LifecycleException refusal) {
        public boolean isDone() {
            return refusal == null;
        }
    }

    /**
     * Runs one step in the caller's transaction and logs it with the state before and after; a step
     * refused with a {@link LifecycleException} changes nothing (the transaction is marked for rollback)
     * and is logged in a transaction of its own with its code.
     */
    public <T> Step<T> run(Caller admin, String action, String target, String before, String details, Supplier<T> change,
                           Function<T, String> stateAfter) {
        try {
            T subject = change.get();
            em.flush();
            record(new AdminAction(Instant.now(), admin.organisationNumber(), admin.certificateFingerprint(), action, target,
                    before, stateAfter.apply(subject), details, "DONE"));
            return new Step<>(subject, null);
        } catch (LifecycleException e) {
            // Through the container, so that it gets its own transaction, and before this one is marked
            // for rollback: called after, the container let the record be lost.
            context.getBusinessObject(AdminActions.class).recordRefusal(new AdminAction(Instant.now(), admin.organisationNumber(),
                    admin.certificateFingerprint(), action, target, before, before, details, e.code().name()));
            context.setRollbackOnly();
            return new Step<>(null, e);
        }
    }

    /**
     * An administrator's step on something without a lifecycle state of its own (the register,
     * subscriptions, service windows): no state before or after.
     */
    public static AdminAction of(Caller admin, String action, String target, String details, String outcome) {
        return new AdminAction(Instant.now(), admin.organisationNumber(), admin.certificateFingerprint(), action, target,
                null, null, details, outcome);
    }

    /**
     * In the caller's transaction: the action commits with the change it records, and so does one more on
     * the party version, which tells every node that the party facts it holds are out of date (the party facts of se.lefi.application.access.PartyFacts).
     */
    public void record(AdminAction action) {
        em.persist(action);
        PartyVersion.raise(em);
    }

    /**
     * In the caller's transaction, for an action that changes no party fact (the register's changes, the
     * subscriptions' sweep): the nodes keep the party facts they hold.
     */
    public void recordOutsideParties(AdminAction action) {
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
