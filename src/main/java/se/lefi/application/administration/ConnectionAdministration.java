package se.lefi.application.administration;

import se.lefi.application.audit.AdminActions;
import se.lefi.application.access.CallerIdentification;
import se.lefi.domain.access.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.party.AgentAssignment;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.CertificateBinding;
import se.lefi.domain.party.LifecycleException;
import se.lefi.domain.party.LifecycleException.Code;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.party.WebUser;
import se.lefi.domain.register.InformationType;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.security.ClientCertificates;

/**
 * The connection lifecycle, run by administrators: request, agreement, signatures, certificates,
 * web users, assignments, termination. Each step is checked against the state it starts from; a
 * step out of order changes nothing and is refused with a code. Every step, done or refused, is logged with the state before
 * and after. Changes are visible to the query path at once (there is no shared cache).
 */
@Stateless
public class ConnectionAdministration {
    @PersistenceContext
    EntityManager em;

    @Inject
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

    /**
     * Registers the operator (the agency, whose certificates administer the service) unless an organisation
     * has its number already. Returns whether it registered it now.
     */
    public boolean registerOperator(String organisationNumber, String name) {
        String number = OrganisationNumber.parse(organisationNumber).value();
        if (find(number).isPresent()) {
            return false;
        }
        em.persist(new Organisation(number, name, PartyKind.AGENCY));
        em.flush();
        return true;
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

    /**
     * Binds a client certificate (PEM) to the organisation its subject's serialNumber names. It must
     * chain to a CA the TLS listener trusts, be valid now, and not be bound already; from the first
     * binding, only bound certificates identify the organisation.
     */
    public AdminResult bindCertificate(Caller admin, String organisationNumber, String pem) {
        Optional<X509Certificate> parsed = ClientCertificates.parse(pem);
        String fingerprint = parsed.map(ClientCertificates::fingerprint).orElse(null);
        return step(admin, "BIND_CERTIFICATE", organisationNumber, "certificate " + fingerprint, () -> {
            Organisation organisation = existing(organisationNumber);
            X509Certificate certificate = parsed.orElseThrow(() ->
                    new LifecycleException(Code.CERTIFICATE_INVALID, "The text is not one PEM-encoded X.509 certificate."));
            Instant now = Instant.now(configuration.clock());
            if (now.isAfter(certificate.getNotAfter().toInstant()) || now.isBefore(certificate.getNotBefore().toInstant())) {
                throw new LifecycleException(Code.CERTIFICATE_EXPIRED, "The certificate is not valid now.");
            }
            if (!ClientCertificates.isTrustedClient(certificate)) {
                throw new LifecycleException(Code.CERTIFICATE_NOT_TRUSTED, "The certificate is not issued by a CA the service trusts.");
            }
            String named = ClientCertificates.subjectSerialNumber(certificate);
            if (named == null || !OrganisationNumber.isValid(named)
                    || !OrganisationNumber.parse(named).value().equals(organisation.organisationNumber())) {
                throw new LifecycleException(Code.CERTIFICATE_NAMES_ANOTHER_ORGANISATION,
                        "The certificate's subject does not name this organisation.");
            }
            if (identification.liveBinding(fingerprint).isPresent()) {
                throw new LifecycleException(Code.CERTIFICATE_ALREADY_BOUND, "The certificate is already bound.");
            }
            em.persist(new CertificateBinding(organisation, fingerprint, certificate.getSubjectX500Principal().getName(),
                    certificate.getIssuerX500Principal().getName(), certificate.getNotAfter().toInstant(), now));
            return organisation;
        });
    }

    /** Unbinds a certificate at once: from now on it identifies no organisation. */
    public AdminResult unbindCertificate(Caller admin, String organisationNumber, String fingerprint) {
        return step(admin, "UNBIND_CERTIFICATE", organisationNumber, "certificate " + fingerprint, () -> {
            Organisation organisation = existing(organisationNumber);
            CertificateBinding binding = identification.liveBinding(fingerprint)
                    .filter(b -> b.organisation().equals(organisation))
                    .orElseThrow(() -> new LifecycleException(Code.CERTIFICATE_NOT_BOUND, "No such certificate is bound to the organisation."));
            binding.unbind(Instant.now(configuration.clock()));
            return organisation;
        });
    }

    /** An access-rights decision (behörighetsbeslut) for a web user, signed by the responsible manager. */
    public record WebUserDecision(String personId, String name, String decidedBy, LocalDate decidedOn) {
    }

    /** Registers a web user; the organisation's agreement (or, before one is sent, its request) must cover the web interface. */
    public AdminResult registerWebUser(Caller admin, String organisationNumber, WebUserDecision decision) {
        return step(admin, "REGISTER_WEB_USER", organisationNumber, "decided on " + decision.decidedOn(), () -> {
            Organisation organisation = existing(organisationNumber);
            LocalDate today = today();
            Optional<Agreement> agreement = identification.currentAgreement(organisation);
            if (agreement.isPresent() && agreement.get().standingOn(today) == Agreement.Standing.TERMINATED) {
                throw new LifecycleException(Code.ALREADY_TERMINATED, "The organisation's agreement is terminated.");
            }
            boolean coversWeb = agreement.map(a -> a.covers(ServiceInterface.WEB))
                    .orElseGet(() -> organisation.requestedInterfaces().contains(ServiceInterface.WEB));
            if (!coversWeb) {
                throw new LifecycleException(Code.WEB_NOT_COVERED, "The organisation's agreement does not cover the web interface.");
            }
            if (webUsers(organisation).stream().anyMatch(u -> u.personId().equals(decision.personId()) && u.isRegisteredOn(today))) {
                throw new LifecycleException(Code.USER_ALREADY_REGISTERED, "The user already has an access-rights decision at the organisation.");
            }
            em.persist(new WebUser(organisation, decision.personId(), decision.name(), decision.decidedBy(), decision.decidedOn()));
            return organisation;
        });
    }

    /** Deregisters a web user from a date, today at the earliest; for today it takes effect at once. */
    public AdminResult deregisterWebUser(Caller admin, String organisationNumber, long webUserId, LocalDate from) {
        // The log names the user by id: a personnummer has no place in the action log's details.
        return step(admin, "DEREGISTER_WEB_USER", organisationNumber, "web user " + webUserId + " from " + from, () -> {
            Organisation organisation = existing(organisationNumber);
            WebUser user = webUsers(organisation).stream().filter(u -> u.id() == webUserId).findFirst()
                    .orElseThrow(() -> new LifecycleException(Code.USER_NOT_REGISTERED, "The organisation has no such web user."));
            user.deregisterFrom(from, today());
            return organisation;
        });
    }

    /** Runs one step: the state before, the change, the state after, and the log entry; or the refusal. */
    private AdminResult step(Caller admin, String action, String target, String details, Supplier<Organisation> change) {
        LocalDate today = today();
        String before = find(target).map(o -> state(o, today)).orElse(null);
        AdminActions.Step<Organisation> step = actions.run(admin, action, target, before, details, change, o -> state(o, today));
        return step.isDone() ? AdminResult.done(view(step.after(), today)) : AdminResult.refused(step.refusal());
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

    private List<WebUser> webUsers(Organisation organisation) {
        return em.createNamedQuery(WebUser.OF_ORGANISATION, WebUser.class).setParameter("organisation", organisation).getResultList();
    }

    private List<CertificateBinding> certificates(Organisation organisation) {
        return em.createNamedQuery(CertificateBinding.OF_ORGANISATION, CertificateBinding.class)
                .setParameter("organisation", organisation).getResultList();
    }

    private String state(Organisation organisation, LocalDate today) {
        return OrganisationView.state(identification.currentAgreement(organisation).orElse(null), today);
    }

    private OrganisationView view(Organisation organisation, LocalDate today) {
        return OrganisationView.of(organisation, identification.currentAgreement(organisation).orElse(null), assignments(organisation),
                certificates(organisation), webUsers(organisation), today);
    }

    private LocalDate today() {
        return LocalDate.now(configuration.clock());
    }
}
