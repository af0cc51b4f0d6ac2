package se.lefi.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import se.lefi.domain.audit.AdminAction;
import se.lefi.domain.audit.AdminSeal;
import se.lefi.domain.audit.AuditChain;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.audit.AuditSeal;
import se.lefi.domain.audit.ChainCheck;
import se.lefi.domain.audit.ChainSeal;
import se.lefi.domain.audit.Sealable;
import se.lefi.domain.audit.SealStatement;
import se.lefi.infrastructure.audit.AuditArchive;
import se.lefi.infrastructure.audit.AuditSigner;

/** Reads the audit log for administrators. */
@Stateless
public class AuditLog {
    public static final int MAX_RESULTS = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditSigner signer;

    /** What to look for; null fields do not filter. */
    public record Filter(String organisationNumber, String personId, String outcome, Instant from, Instant to) {
    }

    /**
     * The outcome of checking both chains, the audit records' and the administrators' actions': how much
     * is sealed and not yet sealed, and every finding. {@code problem} is the first finding's text, or
     * null when both chains hold.
     */
    public record Verification(int seals, long sealedRecords, long unsealedRecords, int adminSeals, long sealedActions,
                               long unsealedActions, String problem, List<ChainCheck.Finding> findings) {
        public boolean intact() {
            return findings.isEmpty();
        }
    }

    /** Recomputes every record's hash, every seal's statement, hash and signature, and every link, in chain order. */
    public Verification verify() {
        PublicKey key = signer.chain().isEmpty() ? null : signer.chain().get(0).getPublicKey();
        ChainCheck audit = new ChainCheck(SealStatement.AUDIT, key, AuditChain.GENESIS, 1L);
        for (AuditSeal seal : em.createNamedQuery(AuditSeal.IN_ORDER, AuditSeal.class).getResultList()) {
            audit.seal(seal.asRead(), em.createNamedQuery(AuditRecord.IN_SEAL, AuditRecord.class)
                    .setParameter("sealId", seal.id()).getResultStream().map(AuditRecord::asRead).toList());
            em.clear(); // a long chain is read one seal at a time, not held
        }
        ChainCheck admin = new ChainCheck(SealStatement.ADMIN, key, AuditChain.GENESIS, 1L);
        for (AdminSeal seal : em.createNamedQuery(AdminSeal.IN_ORDER, AdminSeal.class).getResultList()) {
            admin.seal(seal.asRead(), em.createNamedQuery(AdminAction.IN_SEAL, AdminAction.class)
                    .setParameter("sealId", seal.id()).getResultStream().map(AdminAction::asRead).toList());
            em.clear();
        }
        List<ChainCheck.Finding> findings = new ArrayList<>(audit.findings());
        findings.addAll(admin.findings());
        return new Verification(audit.seals(), audit.records(),
                em.createNamedQuery(AuditRecord.COUNT_UNSEALED, Long.class).getSingleResult(),
                admin.seals(), admin.records(), em.createNamedQuery(AdminAction.COUNT_UNSEALED, Long.class).getSingleResult(),
                findings.isEmpty() ? null : findings.get(0).message(), findings);
    }

    /**
     * Writes the archive of every seal of both chains sealed in [{@code from}, {@code to}), with the records
     * they cover and the signing certificate chain ({@link AuditArchive}); records not yet sealed are not in
     * it. Read one seal at a time.
     */
    public void export(Instant from, Instant to, OutputStream out) throws IOException {
        try (AuditArchive.Writer archive = new AuditArchive.Writer(out)) {
            exportChain(archive, SealStatement.AUDIT, em.createNamedQuery(AuditSeal.SEALED_BETWEEN, AuditSeal.class)
                    .setParameter("from", from).setParameter("to", to).getResultList(), seal -> em.createNamedQuery(AuditRecord.IN_SEAL,
                    AuditRecord.class).setParameter("sealId", seal).getResultList(), AuditRecord::hashedFields);
            exportChain(archive, SealStatement.ADMIN, em.createNamedQuery(AdminSeal.SEALED_BETWEEN, AdminSeal.class)
                    .setParameter("from", from).setParameter("to", to).getResultList(), seal -> em.createNamedQuery(AdminAction.IN_SEAL,
                    AdminAction.class).setParameter("sealId", seal).getResultList(), AdminAction::hashedFields);
            archive.finish(from, to, Instant.now(), signer.chain());
        }
    }

    private <R extends Sealable> void exportChain(AuditArchive.Writer archive, String chain, List<? extends ChainSeal> seals,
                                                  Function<Long, List<R>> recordsOf, Function<R, Map<String, String>> fields)
            throws IOException {
        archive.chain(chain, seals.isEmpty() ? null : seals.get(0).id(), seals.isEmpty() ? AuditChain.GENESIS : seals.get(0).previousHash());
        for (ChainSeal seal : seals) {
            archive.seal(seal);
            for (R record : recordsOf.apply(seal.id())) {
                archive.record(record.id(), seal.id(), record.recordHash(), fields.apply(record));
            }
            em.clear(); // one seal's records at a time
        }
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
