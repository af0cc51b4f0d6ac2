package se.lefi.application.access;

import se.lefi.application.audit.AdminActions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.AgentAssignment;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.CertificateBinding;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyDirectory;
import se.lefi.domain.party.WebUser;
import se.lefi.infrastructure.persistence.PartyVersion;
import javax.sql.DataSource;

/**
 * The party facts a question's decision needs — organisations, certificate bindings, agreements, agent
 * assignments, web users, actors, planned maintenance windows — served from memory while they are unchanged.
 *
 * <p>Why an answer is never stale: every administrator's action on party facts, on any node, adds one to
 * the database's PARTY_VERSION in the transaction that makes the change ({@link AdminActions#record}; only
 * the register's changes and the subscriptions' sweep, which change none, do not), so the change and
 * the new version become visible together. Each request reads the version once ({@link #now()}), before
 * it reads any fact. If the version is newer than the one the facts in memory were loaded under, they are
 * dropped and loaded afresh. Facts loaded after reading version v are at least as new as v, so keeping
 * them under v can only make them newer than their label, never older; a request that starts after a
 * change committed reads its version and so never sees what was there before. Nothing but the admin API
 * (and, on the development server, the demo seeder at start-up) changes these tables.
 *
 * <p>What is returned is shared by every request on the node, and is managed by the persistence context
 * of the request that loaded it until that request ends: read it, never change it, never persist or merge
 * it. Administration reads and writes through its own persistence context, never through this.
 */
@ApplicationScoped
public class PartyFacts {
    /** Beyond this many remembered lookups the generation starts over: no caller can grow memory without end. */
    private static final int MAX_REMEMBERED = 50_000;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(-1));

    /** The facts as of now: reads the version once; the snapshot then serves the whole request. */
    public Snapshot now() {
        long version = version();
        while (true) {
            Snapshot held = current.get();
            if (held.version >= version && held.size() < MAX_REMEMBERED) {
                return held;
            }
            Snapshot fresh = new Snapshot(version);
            if (current.compareAndSet(held, fresh)) {
                return fresh;
            }
        }
    }

    /** Plain JDBC, on the request transaction's connection: the cheapest read there is, once per request. */
    private long version() {
        try (Connection connection = dataSource.getConnection()) {
            return PartyVersion.read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the party version could not be read", e);
        }
    }

    /** The facts loaded under one version of the party data. */
    public final class Snapshot implements PartyDirectory {
        private final long version;
        private final Map<String, Optional<CertificateBinding>> bindings = new ConcurrentHashMap<>();
        private final Map<String, Optional<Organisation>> organisations = new ConcurrentHashMap<>();
        private final Map<Long, Long> bindingCounts = new ConcurrentHashMap<>();
        private final Map<Long, Optional<Agreement>> agreements = new ConcurrentHashMap<>();
        private final Map<String, Optional<AgentAssignment>> assignments = new ConcurrentHashMap<>();
        private final Map<String, List<WebUser>> webUsers = new ConcurrentHashMap<>();
        private final Map<String, Optional<ActorRegistration>> actors = new ConcurrentHashMap<>();
        private final Map<String, Object> others = new ConcurrentHashMap<>();

        private Snapshot(long version) {
            this.version = version;
        }

        private int size() {
            return bindings.size() + organisations.size() + bindingCounts.size() + agreements.size() + assignments.size()
                    + webUsers.size() + actors.size() + others.size();
        }

        @Override
        public Optional<CertificateBinding> liveBinding(String fingerprint) {
            return fingerprint == null ? Optional.empty() : remember(bindings, fingerprint, key -> em.createNamedQuery(
                    CertificateBinding.LIVE_BY_FINGERPRINT, CertificateBinding.class).setParameter("fingerprint", key).getResultStream().findFirst());
        }

        @Override
        public Optional<Organisation> organisation(String organisationNumber) {
            return remember(organisations, organisationNumber, key -> em.createNamedQuery(Organisation.BY_NUMBER, Organisation.class)
                    .setParameter("number", key).getResultStream().findFirst());
        }

        @Override
        public long bindingCount(Organisation organisation) {
            return remember(bindingCounts, organisation.id(), key -> em.createNamedQuery(CertificateBinding.COUNT_OF_ORGANISATION, Long.class)
                    .setParameter("organisation", organisation).getSingleResult());
        }

        @Override
        public Optional<Agreement> currentAgreement(Organisation organisation) {
            return remember(agreements, organisation.id(), key -> em.createNamedQuery(Agreement.OF_ORGANISATION, Agreement.class)
                    .setParameter("organisation", organisation).setMaxResults(1).getResultStream().findFirst());
        }

        @Override
        public Optional<AgentAssignment> assignment(Organisation agent, Organisation principal) {
            return remember(assignments, agent.id() + ">" + principal.id(), key -> em.createNamedQuery(AgentAssignment.BETWEEN, AgentAssignment.class)
                    .setParameter("agent", agent).setParameter("principal", principal).setMaxResults(1).getResultStream().findFirst());
        }

        @Override
        public List<WebUser> webUsers(String personId) {
            return remember(webUsers, personId, key -> List.copyOf(em.createNamedQuery(WebUser.BY_PERSON, WebUser.class)
                    .setParameter("personId", key).getResultList()));
        }

        @Override
        public Optional<ActorRegistration> actor(String actorId) {
            return remember(actors, actorId, key -> em.createNamedQuery(ActorRegistration.BY_ACTOR_ID, ActorRegistration.class)
                    .setParameter("actorId", key).getResultStream().findFirst());
        }

        /** Another fact that changes only through administrators' actions (the planned maintenance windows, say), under its name. */
        @SuppressWarnings("unchecked")
        public <T> T other(String name, Supplier<T> load) {
            return (T) remember(others, name, key -> load.get());
        }

        /** Not computeIfAbsent: the load runs a query, which must not hold the map's lock. */
        private <K, V> V remember(Map<K, V> facts, K key, Function<K, V> load) {
            V known = facts.get(key);
            if (known != null) {
                return known;
            }
            V loaded = load.apply(key);
            facts.putIfAbsent(key, loaded);
            return loaded;
        }
    }
}
