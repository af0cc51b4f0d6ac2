package se.lefi.application.administration;

import se.lefi.application.audit.AdminActions;
import se.lefi.application.access.CallerIdentification;
import se.lefi.domain.access.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import se.lefi.domain.access.LegalBasis;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.LifecycleException;
import se.lefi.domain.party.LifecycleException.Code;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;
import se.lefi.infrastructure.config.LefiConfiguration;

/**
 * Actor registrations (aktörer), run by administrators: registered, listed and ended. Each step, done
 * or refused, is in the admin action log with the state before and after (LIVE or ENDED).
 */
@Stateless
public class ActorAdministration {
    @PersistenceContext
    EntityManager em;

    @Inject
    CallerIdentification identification;

    @EJB
    AdminActions actions;

    @Inject
    LefiConfiguration configuration;

    /** A registration asked for: the actor id the agency issued, whose it is, whom an agent acts for, the purpose. */
    public record Registration(String actorId, String organisationNumber, String principalNumber, Purpose purpose) {
    }

    /** The actor after a step, or why the step was refused (and nothing changed). */
    public record Result(ActorView actor, Code refusal, String message) {
        public boolean isDone() {
            return refusal == null;
        }
    }

    public List<ActorView> actors() {
        LocalDate today = today();
        return em.createNamedQuery(ActorRegistration.ALL, ActorRegistration.class).getResultList().stream()
                .map(a -> view(a, today)).toList();
    }

    public Optional<ActorView> actor(String actorId) {
        return find(actorId).map(a -> view(a, today()));
    }

    public Result register(Caller admin, Registration registration) {
        String details = "organisation " + registration.organisationNumber()
                + (registration.principalNumber() == null ? "" : "; principal " + registration.principalNumber())
                + "; purpose " + registration.purpose();
        return step(admin, "REGISTER_ACTOR", registration.actorId(), details, () -> {
            if (find(registration.actorId()).isPresent()) {
                throw new LifecycleException(Code.ACTOR_ALREADY_REGISTERED, "An actor with that id is already registered.");
            }
            Organisation organisation = existing(registration.organisationNumber());
            Organisation principal = registration.principalNumber() == null ? null : existing(registration.principalNumber());
            ActorRegistration actor = new ActorRegistration(registration.actorId(), organisation, principal, registration.purpose(), today());
            if (basis(actor).isEmpty()) {
                throw new LifecycleException(Code.NO_LEGAL_BASIS,
                        "The legal-basis catalogue has no basis for this purpose and the kind of party that answers for it.");
            }
            em.persist(actor);
            return actor;
        });
    }

    /** Ends a registration from a date, today at the earliest; for today it takes effect at once. */
    public Result end(Caller admin, String actorId, LocalDate from) {
        return step(admin, "END_ACTOR", actorId, "from " + from, () -> {
            ActorRegistration actor = find(actorId)
                    .orElseThrow(() -> new LifecycleException(Code.ACTOR_NOT_REGISTERED, "No actor is registered under that id."));
            actor.endFrom(from, today());
            return actor;
        });
    }

    private Result step(Caller admin, String action, String target, String details, Supplier<ActorRegistration> change) {
        LocalDate today = today();
        // The log's target column holds any well-formed id; anything else is logged by a placeholder.
        String loggedTarget = ActorRegistration.isWellFormed(target) ? target : "(invalid actor id)";
        String before = find(target).map(a -> state(a, today)).orElse(null);
        AdminActions.Step<ActorRegistration> step = actions.run(admin, action, loggedTarget, before, details, change, a -> state(a, today));
        return step.isDone() ? new Result(view(step.after(), today), null, null)
                : new Result(null, step.refusal().code(), step.refusal().getMessage());
    }

    private Optional<ActorRegistration> find(String actorId) {
        return ActorRegistration.isWellFormed(actorId)
                ? em.createNamedQuery(ActorRegistration.BY_ACTOR_ID, ActorRegistration.class).setParameter("actorId", actorId)
                        .getResultStream().findFirst()
                : Optional.empty();
    }

    private Organisation existing(String organisationNumber) {
        return identification.organisationByNumber(organisationNumber)
                .orElseThrow(() -> new LifecycleException(Code.NOT_REGISTERED, "No organisation has that number."));
    }

    /** The basis of the party that answers for the actor's questions: the principal, for an agent. */
    private Optional<LegalBasis> basis(ActorRegistration actor) {
        PartyKind answering = actor.principal() != null ? actor.principal().kind() : actor.organisation().kind();
        return configuration.legalBases().basisFor(answering, actor.purpose());
    }

    private ActorView view(ActorRegistration actor, LocalDate today) {
        return ActorView.of(actor, basis(actor).orElse(null), today);
    }

    private static String state(ActorRegistration actor, LocalDate today) {
        return actor.isLiveOn(today) ? "LIVE" : "ENDED";
    }

    private LocalDate today() {
        return LocalDate.now(configuration.clock());
    }
}
