package se.lefi.application.access;

import se.lefi.domain.access.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import se.lefi.domain.access.AccessCheck;
import se.lefi.domain.access.AccessPipeline;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.CertificateBinding;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.party.WebUser;
import se.lefi.infrastructure.config.LefiConfiguration;

/**
 * Where a request's access check starts: the caller as its certificate presents it, the party facts of
 * now ({@link PartyFacts}: memory, while unchanged; read once per request) and the legal bases. The
 * steps themselves are the domain's ({@link AccessPipeline}). Administration reads party facts from the
 * database instead, through the lookups at the end. Not an EJB: it has no transaction of its own, and
 * runs in its caller's.
 */
@ApplicationScoped
public class CallerIdentification {
    @PersistenceContext
    EntityManager em;

    @Inject
    PartyFacts partyFacts;

    @Inject
    LefiConfiguration configuration;

    @Inject
    ServiceHours serviceHours;

    /** A request by {@code caller} over {@code via}, decided on {@code day}, to be run through a way in's steps. */
    public AccessCheck check(Caller caller, ServiceInterface via, LocalDate day) {
        PartyFacts.Snapshot facts = partyFacts.now();
        return AccessCheck.of(caller.presented(), via, day, facts, configuration.legalBases())
                .serviceClosed(() -> serviceHours.refusalNow(facts));
    }

    /** A request the service makes for an organisation it knows (a subscription's notification): no certificate. */
    public AccessCheck checkFor(Organisation organisation, ServiceInterface via, LocalDate day) {
        return AccessCheck.forOrganisation(organisation, via, day, partyFacts.now(), configuration.legalBases());
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
        return liveBinding(caller.certificateFingerprint()).map(CertificateBinding::organisation)
                .or(() -> caller.namedOrganisation().flatMap(this::organisationByNumber)
                        .filter(o -> em.createNamedQuery(CertificateBinding.COUNT_OF_ORGANISATION, Long.class)
                                .setParameter("organisation", o).getSingleResult() == 0));
    }

    public Optional<CertificateBinding> liveBinding(String fingerprint) {
        return fingerprint == null ? Optional.empty()
                : em.createNamedQuery(CertificateBinding.LIVE_BY_FINGERPRINT, CertificateBinding.class)
                        .setParameter("fingerprint", fingerprint).getResultStream().findFirst();
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
