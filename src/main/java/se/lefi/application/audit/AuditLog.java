package se.lefi.application.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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

    /** Seals read at a time: a long chain is never held whole (a seal's list of records is up to 400 KB). */
    static final int SEALS_PER_PAGE = 100;

    /** Recomputes every record's hash, every seal's statement, hash and signature, and every link, in chain order. */
    public Verification verify() {
        PublicKey key = signer.chain().isEmpty() ? null : signer.chain().get(0).getPublicKey();
        ChainCheck audit = new ChainCheck(SealStatement.AUDIT, key, AuditChain.GENESIS, 1L);
        ChainCheck admin = new ChainCheck(SealStatement.ADMIN, key, AuditChain.GENESIS, 1L);
        try {
            walk(AuditSeal.class, AuditRecord.class, 1, Long.MAX_VALUE,
                    (seal, records) -> audit.seal(seal.asRead(), records.stream().map(AuditRecord::asRead).toList()));
            walk(AdminSeal.class, AdminAction.class, 1, Long.MAX_VALUE,
                    (seal, actions) -> admin.seal(seal.asRead(), actions.stream().map(AdminAction::asRead).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the visitors here write nothing
        }
        List<ChainCheck.Finding> findings = new ArrayList<>(audit.findings());
        findings.addAll(admin.findings());
        return new Verification(audit.seals(), audit.records(),
                em.createNamedQuery(AuditRecord.COUNT_UNSEALED, Long.class).getSingleResult(),
                admin.seals(), admin.records(), em.createNamedQuery(AdminAction.COUNT_UNSEALED, Long.class).getSingleResult(),
                findings.isEmpty() ? null : findings.get(0).message(), findings);
    }

    /**
     * Writes the archive of both chains' seals sealed in [{@code from}, {@code to}), with the records they
     * cover, a manifest signed with the audit-signing key and the signing certificate chain
     * ({@link AuditArchive}); records not yet sealed are not in it. The seals are chosen by number, from the
     * first to the last sealed in the period, so that a node's clock a little off cannot leave a hole.
     */
    public void export(Instant from, Instant to, OutputStream out) throws IOException {
        try (AuditArchive.Writer archive = new AuditArchive.Writer(out)) {
            exportChain(archive, SealStatement.AUDIT, AuditSeal.class, AuditRecord.class, from, to, AuditRecord::hashedFields);
            exportChain(archive, SealStatement.ADMIN, AdminSeal.class, AdminAction.class, from, to, AdminAction::hashedFields);
            archive.finish(from, to, Instant.now(), signer.chain(), signer);
        }
    }

    private <S extends ChainSeal, R extends Sealable> void exportChain(AuditArchive.Writer archive, String chain, Class<S> sealType,
                                                                       Class<R> recordType, Instant from, Instant to,
                                                                       Function<R, Map<String, String>> fields) throws IOException {
        Object[] range = em.createQuery("select min(s.id), max(s.id) from " + sealType.getSimpleName()
                + " s where s.sealedAt >= :from and s.sealedAt < :to", Object[].class)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
        if (range[0] == null) {
            archive.chain(chain, null, AuditChain.GENESIS);
            return;
        }
        boolean[] started = {false};
        walk(sealType, recordType, ((Number) range[0]).longValue(), ((Number) range[1]).longValue(), (seal, records) -> {
            if (!started[0]) {
                archive.chain(chain, seal.id(), seal.previousHash());
                started[0] = true;
            }
            archive.seal(seal);
            for (R record : records) {
                archive.record(record.id(), seal.id(), record.recordHash(), fields.apply(record));
            }
        });
    }

    private interface SealVisitor<S, R> {
        void visit(S seal, List<R> records) throws IOException;
    }

    /** Each seal with an id in [{@code first}, {@code last}], in order, with the records that name it; a page of seals at a time. */
    private <S extends ChainSeal, R extends Sealable> void walk(Class<S> sealType, Class<R> recordType, long first, long last,
                                                               SealVisitor<S, R> visitor) throws IOException {
        long after = first - 1;
        while (true) {
            List<S> page = em.createQuery("select s from " + sealType.getSimpleName() + " s where s.id > :after and s.id <= :last"
                    + " order by s.id", sealType).setParameter("after", after).setParameter("last", last)
                    .setMaxResults(SEALS_PER_PAGE).getResultList();
            if (page.isEmpty()) {
                return;
            }
            for (S seal : page) {
                visitor.visit(seal, em.createQuery("select r from " + recordType.getSimpleName() + " r where r.sealId = :sealId order by r.id",
                        recordType).setParameter("sealId", seal.id()).getResultList());
                after = seal.id();
                em.clear(); // one seal's records at a time
            }
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
