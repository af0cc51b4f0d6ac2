package se.lefi.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.lefi.domain.access.Purpose;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.access.ConnectionCheck;
import se.lefi.domain.access.DisclosureRules;
import se.lefi.domain.access.Refusal;
import se.lefi.domain.access.RefusalCode;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.AgentAssignment;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.CertificateBinding;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.party.WebUser;

/**
 * Access step: establish who is asking from the certificate, and that the organisation is
 * connected on the day of the question.
 */
@Stateless
public class CallerIdentification {
    @PersistenceContext
    EntityManager em;

    /** A caller whose organisation is known and connected. */
    public record Identified(Organisation organisation, Agreement agreement) {
    }

    /** Either an identified caller or the refusal; {@code organisationNumber} is known in both where the certificate named one. */
    public record Result(Identified identified, Refusal refusal, String organisationNumber) {
    }

    public Result identify(Caller caller, ServiceInterface used, LocalDate day) {
        if (!caller.presentedCertificate()) {
            return new Result(null, Refusal.of(RefusalCode.NO_CLIENT_CERTIFICATE), null);
        }
        // Revoked (or unchecked where that is refused): nothing the certificate names is taken on trust.
        if (caller.certificateRefusal() != null) {
            return new Result(null, Refusal.of(caller.certificateRefusal()), caller.namedOrganisation().orElse(null));
        }
        if (caller.isWebUser()) {
            return identifyWebUser(caller, used, day);
        }
        Optional<Organisation> organisation = organisationOf(caller);
        if (organisation.isEmpty()) {
            Optional<String> named = caller.namedOrganisation();
            if (named.isEmpty()) {
                return new Result(null, Refusal.of(RefusalCode.UNKNOWN_CERTIFICATE), null);
            }
            String number = named.get();
            return organisationByNumber(number).isPresent()
                    ? new Result(null, new Refusal(RefusalCode.UNKNOWN_CERTIFICATE, "The client certificate is not bound to the organisation."), number)
                    : new Result(null, Refusal.of(RefusalCode.NOT_CONNECTED), number);
        }
        return identifyOrganisation(organisation.get(), used, day);
    }

    /** An organisation known without a certificate (a subscription's): connected on the day, over the interface. */
    public Result identifyOrganisation(Organisation organisation, ServiceInterface used, LocalDate day) {
        String number = organisation.organisationNumber();
        Optional<Agreement> agreement = currentAgreement(organisation);
        Optional<Refusal> refusal = ConnectionCheck.check(agreement, used, day);
        return refusal.isPresent()
                ? new Result(null, refusal.get(), number)
                : new Result(new Identified(organisation, agreement.get()), null, number);
    }

    /**
     * A named web user: the organisation the user acts for, the user's access-rights decision live on
     * the day (deregistration takes effect at once), and that organisation's agreement in force and
     * covering the interface.
     */
    private Result identifyWebUser(Caller caller, ServiceInterface used, LocalDate day) {
        Optional<Organisation> organisation = caller.namedOrganisation().flatMap(this::organisationByNumber);
        if (organisation.isEmpty()) {
            return new Result(null, Refusal.of(RefusalCode.USER_NOT_AUTHORISED), null);
        }
        String number = organisation.get().organisationNumber();
        Optional<WebUser> user = webUser(caller.userPersonId(), organisation.get());
        if (user.isEmpty()) {
            return new Result(null, Refusal.of(RefusalCode.USER_NOT_AUTHORISED), number);
        }
        Optional<Agreement> agreement = currentAgreement(organisation.get());
        Optional<Refusal> refusal = used == ServiceInterface.WEB ? user.get().accessOn(agreement, day)
                : Optional.of(Refusal.of(RefusalCode.INTERFACE_NOT_COVERED));
        return refusal.isPresent()
                ? new Result(null, refusal.get(), number)
                : new Result(new Identified(organisation.get(), agreement.get()), null, number);
    }

    /**
     * A named user, from a personal certificate whose subject's serialNumber is the user's
     * personnummer: acting for the organisation of the user's latest decision live on the day, or
     * else of the latest decision at all (whose refusal then says why), or for none.
     */
    public Caller webCaller(String certificateFingerprint, String personId, LocalDate day) {
        List<WebUser> decisions = webUsers(personId);
        Optional<WebUser> chosen = decisions.stream().filter(u -> u.decisionOn(day).isEmpty()).findFirst()
                .or(() -> decisions.stream().findFirst());
        return Caller.webUser(certificateFingerprint, chosen.map(u -> u.organisation().organisationNumber()).orElse(null), personId);
    }

    /** The user's latest access-rights decision at the organisation. */
    public Optional<WebUser> webUser(String personId, Organisation organisation) {
        // By number: the organisation may come from another persistence context.
        return webUsers(personId).stream()
                .filter(u -> u.organisation().organisationNumber().equals(organisation.organisationNumber())).findFirst();
    }

    /** Every access-rights decision of a person, latest first. */
    public List<WebUser> webUsers(String personId) {
        return em.createNamedQuery(WebUser.BY_PERSON, WebUser.class).setParameter("personId", personId).getResultList();
    }

    /**
     * The organisation a certificate identifies: the one it is bound to; otherwise the one its
     * subject's serialNumber names, as long as that organisation has never had a certificate bound.
     */
    public Optional<Organisation> organisationOf(Caller caller) {
        Optional<CertificateBinding> binding = liveBinding(caller.certificateFingerprint());
        if (binding.isPresent()) {
            return Optional.of(binding.get().organisation());
        }
        return caller.namedOrganisation().flatMap(this::organisationByNumber)
                .filter(o -> em.createNamedQuery(CertificateBinding.COUNT_OF_ORGANISATION, Long.class)
                        .setParameter("organisation", o).getSingleResult() == 0);
    }

    public Optional<CertificateBinding> liveBinding(String fingerprint) {
        return fingerprint == null ? Optional.empty()
                : em.createNamedQuery(CertificateBinding.LIVE_BY_FINGERPRINT, CertificateBinding.class)
                        .setParameter("fingerprint", fingerprint).getResultStream().findFirst();
    }

    /**
     * Who answers for a question: the caller itself, or — for an agent — its principal. Carries the
     * agreements that must all allow a purpose or type (the agent's and the principal's).
     */
    public record Answerable(PartyKind partyKind, List<Agreement> agreements, Refusal refusal) {
        static Answerable refused(Refusal refusal) {
            return new Answerable(null, List.of(), refusal);
        }

        /** Every agreement involved covers the purpose. */
        public boolean covers(Purpose purpose) {
            return agreements.stream().allMatch(a -> a.covers(purpose));
        }

        /** The information types every agreement involved allows. */
        public Set<InformationType> allowedTypes() {
            Set<InformationType> allowed = EnumSet.allOf(InformationType.class);
            agreements.forEach(a -> allowed.retainAll(a.informationTypes()));
            return allowed;
        }
    }

    /**
     * Access step 2, for agents: only an agent names a principal, an agent must name one, their
     * assignment is live, and the principal's own agreement is in force on the day.
     * {@code principalNumber} is the validated 10-digit number, or null.
     */
    public Answerable answerable(Identified caller, String principalNumber, ServiceInterface via, LocalDate day) {
        Optional<Organisation> principal = Optional.ofNullable(principalNumber).flatMap(this::organisationByNumber);
        Optional<AgentAssignment> assignment = principal.flatMap(p -> em.createNamedQuery(AgentAssignment.BETWEEN, AgentAssignment.class)
                .setParameter("agent", caller.organisation()).setParameter("principal", p)
                .setMaxResults(1).getResultStream().findFirst());
        Optional<Refusal> representation = DisclosureRules.checkRepresentation(caller.organisation().kind(), principalNumber != null, assignment, day);
        if (representation.isPresent()) {
            return Answerable.refused(representation.get());
        }
        if (principal.isEmpty()) {
            return new Answerable(caller.organisation().kind(), List.of(caller.agreement()), null);
        }
        Optional<Agreement> principalAgreement = currentAgreement(principal.get());
        Optional<Refusal> principalConnection = ConnectionCheck.check(principalAgreement, via, day)
                .map(r -> new Refusal(r.code(), "The principal: " + r.message()));
        return principalConnection.isPresent()
                ? Answerable.refused(principalConnection.get())
                : new Answerable(principal.get().kind(), List.of(caller.agreement(), principalAgreement.get()), null);
    }

    /** The actor registered under {@code actorId}; an id that is not well formed (too long, say) names none and is not looked up. */
    public Optional<ActorRegistration> actor(String actorId) {
        return ActorRegistration.isWellFormed(actorId)
                ? em.createNamedQuery(ActorRegistration.BY_ACTOR_ID, ActorRegistration.class).setParameter("actorId", actorId)
                        .getResultStream().findFirst()
                : Optional.empty();
    }

    public Optional<Organisation> organisationByNumber(String number) {
        return em.createNamedQuery(Organisation.BY_NUMBER, Organisation.class)
                .setParameter("number", number)
                .getResultStream().findFirst();
    }

    public Optional<Agreement> currentAgreement(Organisation organisation) {
        return em.createNamedQuery(Agreement.OF_ORGANISATION, Agreement.class)
                .setParameter("organisation", organisation)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }
}
