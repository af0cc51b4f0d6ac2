package se.lefi.application.access;

import se.lefi.domain.access.Caller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import se.lefi.domain.access.AccessCheck;
import se.lefi.domain.access.AccessPipeline;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.access.Submission;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.infrastructure.audit.AuditTrail;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.register.RegisterReader;

/**
 * LEFI Online, system-to-system: the transaction and security boundary of every question. Each
 * refusal and each disclosure is audited in the same transaction as the answer.
 */
@Stateless
public class LefiOnlineService {
    static final String INTERFACE = ServiceInterface.SYSTEM_TO_SYSTEM.name();

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource register;

    @Inject
    CallerIdentification identification;

    @Inject
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
        AccessCheck check = identification.check(caller, via, today()).principal(principalOrganisationNumber);
        AccessPipeline.Decision decision = AccessPipeline.decide(AccessPipeline.AVAILABLE_TYPES, check);
        String requestId = newRequestId();
        AuditRecord record = auditRecord(requestId, INTERFACE, operation, caller, check.organisationNumber());
        if (!decision.granted()) {
            audit.record(record.outcome(decision.refusal().code().name()));
            return Outcome.refused(requestId, decision.refusal());
        }
        Set<InformationType> allowed = check.allowedTypes();
        List<AvailablePurpose> purposes = configuration.legalBases().basesFor(check.answeringKind()).stream()
                .filter(basis -> check.covers(basis.purpose()))
                .map(basis -> new AvailablePurpose(basis, allowed))
                .toList();
        audit.record(record.principal(check.principalNumber()).outcome(AuditRecord.GRANTED));
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
        AccessCheck check = identification.check(caller, ServiceInterface.SYSTEM_TO_SYSTEM, today()).actor(actorId, null);
        AccessPipeline.Decision decision = AccessPipeline.decide(AccessPipeline.ACTOR_AVAILABLE_TYPES, check);
        String requestId = newRequestId();
        AuditRecord record = auditRecord(requestId, interfaceName, "GetAvailableInformationTypes", caller, check.organisationNumber())
                .actor(ActorRegistration.isWellFormed(actorId) ? actorId : null);
        if (check.actorRegistration() != null) {
            record.principal(check.principalNumber()).subject(null, check.actorRegistration().purpose().name(), null);
        }
        if (!decision.granted()) {
            audit.record(record.outcome(decision.refusal().code().name()));
            return Outcome.refused(requestId, decision.refusal());
        }
        audit.record(record.outcome(AuditRecord.GRANTED));
        return Outcome.granted(requestId, check.allowedTypes());
    }

    /**
     * A probe that holds no personal data (SSBTEK's testaBastjanstInformation): the caller must be
     * connected; refusals are audited, as for Ping.
     */
    public Outcome<PingAnswer> probe(Caller caller, String interfaceName, String operation) {
        Clock clock = configuration.clock();
        AccessCheck check = identification.check(caller, ServiceInterface.SYSTEM_TO_SYSTEM, LocalDate.now(clock));
        AccessPipeline.Decision decision = AccessPipeline.decide(AccessPipeline.PING, check);
        String requestId = newRequestId();
        if (!decision.granted()) {
            audit.record(auditRecord(requestId, interfaceName, operation, caller, check.organisationNumber()).outcome(decision.refusal().code().name()));
            return Outcome.refused(requestId, decision.refusal());
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

    private static AuditRecord auditRecord(String requestId, String interfaceName, String operation, Caller caller, String organisationNumber) {
        return new AuditRecord(requestId, Instant.now(), interfaceName, operation)
                .caller(organisationNumber, caller.certificateFingerprint()).user(caller.userPersonId());
    }

    private Instant registerTime() {
        try (Connection connection = register.getConnection()) {
            return RegisterReader.registerTime(connection).orElse(Instant.EPOCH);
        } catch (SQLException e) {
            throw new IllegalStateException("the register time could not be read", e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(configuration.clock());
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
