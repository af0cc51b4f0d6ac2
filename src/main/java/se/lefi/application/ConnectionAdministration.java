package se.lefi.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import se.lefi.domain.access.Purpose;
import se.lefi.domain.audit.AdminAction;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.party.AgentAssignment;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.LifecycleException;
import se.lefi.domain.party.LifecycleException.Code;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.infrastructure.config.LefiConfiguration;

/**
 * The connection lifecycle, run by administrators: request, agreement, signatures, assignments,
 * termination. Each step is checked against the state it starts from; a step out of order changes
 * nothing and is refused with a code. Every step, done or refused, is logged with the state before
 * and after. Changes are visible to the query path at once (there is no shared cache).
 */
@Stateless
public class ConnectionAdministration {
    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    CallerIdentification identification;

    @EJB
    AdminActions actions;

    @Inject
    LefiConfiguration configuration;

    /** A connection request (anmälan). */
    public record Registration(String organisationNumber, String name, PartyKind kind, Set<ServiceInterface> interfaces,
                               Set<Purpose> purposes, String contact) {
    }

    /** What an agreement covers; null sets default to what the request asked for. */
    public record Terms(Set<ServiceInterface> interfaces, Set<Purpose> purposes, Set<InformationType> informationTypes,
                        boolean longPeriodsAllowed) {
    }

    public List<OrganisationView> organisations() {
        LocalDate today = today();
        return em.createQuery("select o from Organisation o order by o.name", Organisation.class).getResultList().stream()
                .map(o -> view(o, today)).toList();
    }

    public Optional<OrganisationView> organisation(String organisationNumber) {
        return find(organisationNumber).map(o -> view(o, today()));
    }

    public AdminResult register(Caller admin, Registration registration) {
        String number = OrganisationNumber.parse(registration.organisationNumber()).value();
        return step(admin, "REGISTER_REQUEST", number, registration.name() + "; " + registration.kind(), () -> {
            if (find(number).isPresent()) {
                throw new LifecycleException(Code.ALREADY_REGISTERED, "The organisation is already registered.");
            }
            Organisation organisation = Organisation.requested(number, registration.name(), registration.kind(),
                    registration.interfaces(), registration.purposes(), registration.contact(), today());
            em.persist(organisation);
            return organisation;
        });
    }

    public AdminResult sendAgreement(Caller admin, String organisationNumber, Terms terms) {
        return step(admin, "SEND_AGREEMENT", organisationNumber, null, () -> {
            Organisation organisation = existing(organisationNumber);
            Optional<Agreement> current = identification.currentAgreement(organisation);
            LocalDate today = today();
            if (current.isPresent() && current.get().standingOn(today) != Agreement.Standing.TERMINATED) {
                throw new LifecycleException(Code.AGREEMENT_ALREADY_SENT, "The organisation already has an agreement.");
            }
            em.persist(new Agreement(organisation, today,
                    terms.interfaces() != null ? terms.interfaces() : organisation.requestedInterfaces(),
                    terms.purposes() != null ? terms.purposes() : organisation.requestedPurposes(),
                    terms.informationTypes(), terms.longPeriodsAllowed()));
            return organisation;
        });
    }

    public AdminResult sign(Caller admin, String organisationNumber, Agreement.Party party, LocalDate on) {
        return step(admin, "SIGN_" + party, organisationNumber, "signed on " + on, () -> {
            Organisation organisation = existing(organisationNumber);
            agreement(organisation).sign(party, on);
            return organisation;
        });
    }

    /** Termination is asked for with the organisation's number, its name and the date, as the agency's form does. */
    public AdminResult terminate(Caller admin, String organisationNumber, String name, LocalDate from) {
        return step(admin, "TERMINATE", organisationNumber, "from " + from, () -> {
            Organisation organisation = existing(organisationNumber);
            if (!organisation.name().equals(name)) {
                throw new LifecycleException(Code.NAME_MISMATCH, "The name does not match the organisation's registered name.");
            }
            agreement(organisation).terminateFrom(from, today());
            return organisation;
        });
    }

    public AdminResult startAssignment(Caller admin, String agentNumber, String principalNumber, LocalDate from) {
        return step(admin, "START_ASSIGNMENT", agentNumber, "principal " + principalNumber + " from " + from, () -> {
            Organisation agent = existing(agentNumber);
            Organisation principal = existing(principalNumber);
            if (agent.kind() != PartyKind.AGENT) {
                throw new LifecycleException(Code.NOT_AN_AGENT, "Only an agent (ombud) can be assigned.");
            }
            if (principal.kind() != PartyKind.AUTHORITY) {
                throw new LifecycleException(Code.PRINCIPAL_NOT_AN_AUTHORITY, "An agent acts only for an authority.");
            }
            LocalDate today = today();
            if (assignments(agent).stream().anyMatch(a -> a.principal().equals(principal) && (a.isLiveOn(today) || a.isLiveOn(from)))) {
                throw new LifecycleException(Code.ASSIGNMENT_EXISTS, "The agent already has a live assignment from that principal.");
            }
            em.persist(new AgentAssignment(agent, principal, from));
            return agent;
        });
    }

    /** Records the written notice that an assignment ceases from a date; from then the agent may not act. */
    public AdminResult ceaseAssignment(Caller admin, String agentNumber, String principalNumber, LocalDate from) {
        return step(admin, "CEASE_ASSIGNMENT", agentNumber, "principal " + principalNumber + " from " + from, () -> {
            Organisation agent = existing(agentNumber);
            Organisation principal = existing(principalNumber);
            LocalDate today = today();
            AgentAssignment assignment = assignments(agent).stream()
                    .filter(a -> a.principal().equals(principal) && (a.ceasedFrom() == null || today.isBefore(a.ceasedFrom())))
                    .findFirst()
                    .orElseThrow(() -> new LifecycleException(Code.NO_LIVE_ASSIGNMENT, "The agent has no live assignment from that principal."));
            assignment.ceaseFrom(from, today);
            return agent;
        });
    }

    /** Runs one step: the state before, the change, the state after, and the log entry; or the refusal. */
    private AdminResult step(Caller admin, String action, String target, String details, Supplier<Organisation> change) {
        LocalDate today = today();
        String before = find(target).map(o -> state(o, today)).orElse(null);
        try {
            Organisation organisation = change.get();
            em.flush();
            OrganisationView after = view(organisation, today);
            actions.record(new AdminAction(Instant.now(), admin.organisationNumber(), admin.certificateFingerprint(), action,
                    target, before, after.state(), details, "DONE"));
            return AdminResult.done(after);
        } catch (LifecycleException e) {
            context.setRollbackOnly();
            actions.recordRefusal(new AdminAction(Instant.now(), admin.organisationNumber(), admin.certificateFingerprint(), action,
                    target, before, before, details, e.code().name()));
            return AdminResult.refused(e);
        }
    }

    private Organisation existing(String organisationNumber) {
        return find(organisationNumber).orElseThrow(() -> new LifecycleException(Code.NOT_REGISTERED, "No organisation has that number."));
    }

    private Agreement agreement(Organisation organisation) {
        return identification.currentAgreement(organisation)
                .orElseThrow(() -> new LifecycleException(Code.AGREEMENT_NOT_SENT, "No agreement has been sent to the organisation."));
    }

    private Optional<Organisation> find(String organisationNumber) {
        return OrganisationNumber.isValid(organisationNumber)
                ? identification.organisationByNumber(OrganisationNumber.parse(organisationNumber).value()) : Optional.empty();
    }

    private List<AgentAssignment> assignments(Organisation organisation) {
        return em.createQuery("select a from AgentAssignment a where a.agent = :o or a.principal = :o order by a.id", AgentAssignment.class)
                .setParameter("o", organisation).getResultList();
    }

    private String state(Organisation organisation, LocalDate today) {
        return OrganisationView.state(identification.currentAgreement(organisation).orElse(null), today);
    }

    private OrganisationView view(Organisation organisation, LocalDate today) {
        return OrganisationView.of(organisation, identification.currentAgreement(organisation).orElse(null), assignments(organisation), today);
    }

    private LocalDate today() {
        return LocalDate.now(configuration.clock());
    }
}
