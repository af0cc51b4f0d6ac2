package se.lefi.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.audit.AuditSeal;

/** Reads the audit log for administrators. */
@Stateless
public class AuditLog {
    public static final int MAX_RESULTS = 1000;

    @PersistenceContext
    EntityManager em;

    /** What to look for; null fields do not filter. */
    public record Filter(String organisationNumber, String personId, String outcome, Instant from, Instant to) {
    }

    /** The outcome of checking the whole audit chain. {@code problem} is null when it holds. */
    public record Verification(int seals, long sealedRecords, long unsealedRecords, String problem) {
        public boolean intact() {
            return problem == null;
        }
    }

    /** Recomputes every record hash and every seal, in chain order. */
    public Verification verify() {
        long unsealed = em.createNamedQuery(AuditRecord.COUNT_UNSEALED, Long.class).getSingleResult();
        AuditSeal previous = null;
        int seals = 0;
        long sealed = 0;
        for (AuditSeal seal : em.createNamedQuery(AuditSeal.IN_ORDER, AuditSeal.class).getResultList()) {
            List<AuditRecord> records = em.createNamedQuery(AuditRecord.IN_SEAL, AuditRecord.class)
                    .setParameter("sealId", seal.id()).getResultList();
            String problem = seal.verify(previous, records);
            if (problem != null) {
                return new Verification(seals, sealed, unsealed, problem);
            }
            seals++;
            sealed += records.size();
            previous = seal;
        }
        return new Verification(seals, sealed, unsealed, null);
    }

    public Optional<AuditRecord> byRequestId(String requestId) {
        return em.createNamedQuery(AuditRecord.BY_REQUEST_ID, AuditRecord.class)
                .setParameter("requestId", requestId).getResultStream().findFirst();
    }

    public List<AuditRecord> search(Filter filter, int maxResults) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        condition(conditions, parameters, "a.organisationNumber = :organisation", "organisation", filter.organisationNumber());
        condition(conditions, parameters, "a.personId = :person", "person", filter.personId());
        condition(conditions, parameters, "a.outcome = :outcome", "outcome", filter.outcome());
        condition(conditions, parameters, "a.recordedAt >= :from", "from", filter.from());
        condition(conditions, parameters, "a.recordedAt < :to", "to", filter.to());
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<AuditRecord> query = em.createQuery("select a from AuditRecord a" + where + " order by a.id desc", AuditRecord.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(Math.min(maxResults, MAX_RESULTS)).getResultList();
    }

    private static void condition(List<String> conditions, Map<String, Object> parameters, String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }
}
