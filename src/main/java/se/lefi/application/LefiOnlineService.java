package se.lefi.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.lefi.domain.access.ActorRules;
import se.lefi.domain.access.DisclosureRules;
import se.lefi.domain.access.Purpose;
import se.lefi.domain.access.Refusal;
import se.lefi.domain.access.RefusalCode;
import se.lefi.domain.access.Submission;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.RegisterState;
import se.lefi.infrastructure.audit.AuditTrail;
import se.lefi.infrastructure.config.LefiConfiguration;

/**
 * LEFI Online, system-to-system: the transaction and security boundary of every question. Each
 * refusal and each disclosure is audited in the same transaction as the answer.
 */
@Stateless
public class LefiOnlineService {
    static final String INTERFACE = ServiceInterface.SYSTEM_TO_SYSTEM.name();

    @PersistenceContext
    EntityManager em;

    @EJB
    CallerIdentification identification;

    @EJB
    AuditTrail audit;

    @Inject
    LefiConfiguration configuration;

    public Outcome<PingAnswer> ping(Caller caller) {
        return probe(caller, INTERFACE, "Ping");
    }

    /**
     * The purposes the caller may state — by the legal bases of the party that answers (the principal,
     * when an agent asks for one) and every agreement involved — with the types those agreements allow.
     */
    public Outcome<List<AvailablePurpose>> availableInformationTypes(Caller caller, ServiceInterface via, String principalOrganisationNumber) {
        String operation = "GetAvailableInformationTypes";
        LocalDate today = LocalDate.now(configuration.clock());
        CallerIdentification.Result who = identification.identify(caller, via, today);
        String requestId = newRequestId();
        if (who.refusal() != null) {
            return refuse(requestId, operation, caller, who, who.refusal());
        }
        if (principalOrganisationNumber != null && !OrganisationNumber.isValid(principalOrganisationNumber)) {
            return refuse(requestId, operation, caller, who, Refusal.of(RefusalCode.INVALID_ORGANISATION_NUMBER));
        }
        String principal = principalOrganisationNumber == null ? null : OrganisationNumber.parse(principalOrganisationNumber).value();
        CallerIdentification.Answerable answerable = identification.answerable(who.identified(), principal, via, today);
        if (answerable.refusal() != null) {
            return refuse(requestId, operation, caller, who, answerable.refusal());
        }
        Set<InformationType> allowed = answerable.allowedTypes();
        List<AvailablePurpose> purposes = configuration.legalBases().basesFor(answerable.partyKind()).stream()
                .filter(basis -> answerable.covers(basis.purpose()))
                .map(basis -> new AvailablePurpose(basis, allowed))
                .toList();
        audit.record(auditRecord(requestId, INTERFACE, operation, caller, who.organisationNumber()).principal(principal).outcome(AuditRecord.GRANTED));
        return Outcome.granted(requestId, purposes);
    }

    /**
     * The information types an actor's questions may name (LEFI Förmånsinformation v9's
     * tillgangligaInformationstyper): those every agreement involved allows, when the actor is the
     * caller's own and live, the principal of an agent's actor answerable, and the actor's purpose has a
     * legal basis that every agreement covers (refused with the question's code otherwise). Audited under
     * {@code interfaceName}.
     */
    public Outcome<Set<InformationType>> availableTypesForActor(Caller caller, String interfaceName, String actorId) {
        String operation = "GetAvailableInformationTypes";
        LocalDate today = LocalDate.now(configuration.clock());
        CallerIdentification.Result who = identification.identify(caller, ServiceInterface.SYSTEM_TO_SYSTEM, today);
        String requestId = newRequestId();
        AuditRecord record = auditRecord(requestId, interfaceName, operation, caller, who.organisationNumber())
                .actor(ActorRegistration.isWellFormed(actorId) ? actorId : null);
        Optional<Refusal> refusal = Optional.ofNullable(who.refusal());
        Optional<ActorRegistration> actor = identification.actor(actorId);
        if (refusal.isEmpty()) {
            refusal = ActorRules.checkActor(actor, who.identified().organisation(), today);
        }
        CallerIdentification.Answerable answerable = null;
        if (refusal.isEmpty()) {
            String principal = actor.get().principal() == null ? null : actor.get().principal().organisationNumber();
            record.principal(principal).subject(null, actor.get().purpose().name(), null);
            answerable = identification.answerable(who.identified(), principal, ServiceInterface.SYSTEM_TO_SYSTEM, today);
            refusal = Optional.ofNullable(answerable.refusal());
        }
        if (refusal.isEmpty()) {
            // What its questions could get: none, when the actor's purpose has no basis or is outside an agreement.
            Purpose purpose = actor.get().purpose();
            refusal = DisclosureRules.checkPurpose(configuration.legalBases().basisFor(answerable.partyKind(), purpose),
                    answerable.covers(purpose));
        }
        if (refusal.isPresent()) {
            audit.record(record.outcome(refusal.get().code().name()));
            return Outcome.refused(requestId, refusal.get());
        }
        audit.record(record.outcome(AuditRecord.GRANTED));
        return Outcome.granted(requestId, answerable.allowedTypes());
    }

    /**
     * A probe that holds no personal data (SSBTEK's testaBastjanstInformation): the caller must be
     * connected; refusals are audited, as for Ping.
     */
    public Outcome<PingAnswer> probe(Caller caller, String interfaceName, String operation) {
        Clock clock = configuration.clock();
        CallerIdentification.Result who = identification.identify(caller, ServiceInterface.SYSTEM_TO_SYSTEM, LocalDate.now(clock));
        String requestId = newRequestId();
        if (who.refusal() != null) {
            audit.record(auditRecord(requestId, interfaceName, operation, caller, who.organisationNumber()).outcome(who.refusal().code().name()));
            return Outcome.refused(requestId, who.refusal());
        }
        return Outcome.granted(requestId, new PingAnswer(configuration.serviceVersion(), clock.instant(), registerTime()));
    }

    /**
     * Audits a request that never reached a decision (unreadable, against the schema, or failed),
     * in a transaction of its own since the request's own may be rolling back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String recordUnanswered(Caller caller, String operation, RefusalCode code) {
        return recordUnanswered(caller, INTERFACE, operation, code, null);
    }

    /** As {@link #recordUnanswered(Caller, String, RefusalCode)}, for an interface of its own and, where one was named, an actor. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String recordUnanswered(Caller caller, String interfaceName, String operation, RefusalCode code, String actorId) {
        return recordUnanswered(caller, interfaceName, operation, code, actorId, null);
    }

    /** As above, with SSBTEK's general parameters (stated purpose, legal text, case handler, case id), which are audited as given. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String recordUnanswered(Caller caller, String interfaceName, String operation, RefusalCode code, String actorId,
                                   Submission submission) {
        String requestId = newRequestId();
        String organisationNumber = caller.namedOrganisation().orElse(null);
        AuditRecord record = auditRecord(requestId, interfaceName, operation, caller, organisationNumber)
                .actor(ActorRegistration.isWellFormed(actorId) ? actorId : null).outcome(code.name());
        if (submission != null) {
            record.submission(submission.statedPurpose(), submission.statedLegalText(), submission.caseHandler())
                    .basis(null, null, submission.caseId());
        }
        audit.record(record);
        return requestId;
    }

    private <T> Outcome<T> refuse(String requestId, String operation, Caller caller, CallerIdentification.Result who, Refusal refusal) {
        audit.record(auditRecord(requestId, INTERFACE, operation, caller, who.organisationNumber()).outcome(refusal.code().name()));
        return Outcome.refused(requestId, refusal);
    }

    private static AuditRecord auditRecord(String requestId, String interfaceName, String operation, Caller caller, String organisationNumber) {
        return new AuditRecord(requestId, Instant.now(), interfaceName, operation)
                .caller(organisationNumber, caller.certificateFingerprint()).user(caller.userPersonId());
    }

    private Instant registerTime() {
        RegisterState state = em.find(RegisterState.class, RegisterState.SINGLETON_ID);
        return state == null ? Instant.EPOCH : state.registerTime();
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
