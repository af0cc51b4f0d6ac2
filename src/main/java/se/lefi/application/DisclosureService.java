package se.lefi.application;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import se.lefi.domain.access.ActorQuestion;
import se.lefi.domain.access.ActorRules;
import se.lefi.domain.access.BenefitQuestion;
import se.lefi.domain.access.DisclosureRules;
import se.lefi.domain.access.LegalBasis;
import se.lefi.domain.access.Refusal;
import se.lefi.domain.access.RefusalCode;
import se.lefi.domain.access.Submission;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.identity.PersonId;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;
import se.lefi.domain.register.RegisterState;
import se.lefi.domain.register.SourceStatus;
import se.lefi.infrastructure.audit.AuditTrail;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.register.RegisterReader;

/**
 * The disclosure decision for GetBenefitInformation, whichever interface the question came by. The
 * steps run in order and the first refusal ends the question; granted or refused, exactly one audit
 * record is written in the same transaction as the answer, so no data leaves unless it is audited.
 */
@Stateless
public class DisclosureService {
    static final String OPERATION = "GetBenefitInformation";

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource register;

    @EJB
    CallerIdentification identification;

    @EJB
    AuditTrail audit;

    @EJB
    ServiceHours serviceHours;

    @Inject
    LefiConfiguration configuration;

    public Outcome<BenefitAnswer> disclose(Caller caller, ServiceInterface via, BenefitQuestion question) {
        LocalDate today = LocalDate.now(configuration.clock());
        AuditRecord record = new AuditRecord(UUID.randomUUID().toString(), Instant.now(), via.name(), OPERATION);
        return answer(record, question, decide(caller, via, question, today, record));
    }

    /**
     * A question under an actor registration (LEFI Förmånsinformation v9, directly or inside SSBTEK),
     * system-to-system: the same steps, with the actor's own step after identification, audited under
     * {@code interfaceName} with the actor and, for SSBTEK, the submitter's stated purpose and legal text.
     */
    public Outcome<BenefitAnswer> discloseForActor(Caller caller, String interfaceName, ActorQuestion asked) {
        LocalDate today = LocalDate.now(configuration.clock());
        AuditRecord record = new AuditRecord(UUID.randomUUID().toString(), Instant.now(), interfaceName, OPERATION)
                .actor(ActorRegistration.isWellFormed(asked.actorId()) ? asked.actorId() : null);
        Submission submission = asked.submission();
        if (submission != null) {
            record.submission(submission.statedPurpose(), submission.statedLegalText(), submission.caseHandler());
        }
        return answer(record, asked.question(), decideForActor(caller, asked, today, record));
    }

    private Outcome<BenefitAnswer> answer(AuditRecord record, BenefitQuestion question, Decided decided) {
        if (decided.refusal() != null) {
            audit.record(record.outcome(decided.refusal().code().name()));
            return Outcome.refused(record.requestId(), decided.refusal());
        }
        BenefitAnswer answer = read(question, decided);
        audit.record(record
                .disclosed(names(answer.sources().keySet()), names(answer.withheld()), answer.registerTime())
                .outcome(AuditRecord.GRANTED));
        return Outcome.granted(record.requestId(), answer);
    }

    /** What the steps decided: a refusal, or the person, basis and types for a granted question. */
    public record Decided(Refusal refusal, String personId, LegalBasis basis, DisclosureRules.TypeSelection types) {
        static Decided refused(Refusal refusal) {
            return new Decided(refusal, null, null, null);
        }
    }

    /**
     * The decision for a subscription order about one person: the question's steps, audited into
     * {@code record} by the caller, and no data read.
     */
    public Decided decideOrder(Caller caller, BenefitQuestion question, LocalDate today, AuditRecord record) {
        return decide(caller, ServiceInterface.SYSTEM_TO_SYSTEM, question, today, record);
    }

    /**
     * The decision of {@code granted} (an order's earlier person) for another person of the same order:
     * only the person differs, so only the input is checked again; audited into {@code record} as
     * {@link #decideOrder} would.
     */
    public Decided sameOrderFor(Decided granted, Caller caller, String organisationNumber, BenefitQuestion question, LocalDate today,
                                AuditRecord record) {
        Subject subject = subject(question, today, record);
        record.caller(organisationNumber, caller.certificateFingerprint()).user(caller.userPersonId());
        if (subject.invalid().isPresent()) {
            return Decided.refused(subject.invalid().get());
        }
        record.basis(granted.basis().citation(), question.consent() == null ? null : question.consent().auditText(), question.caseId());
        return new Decided(null, subject.personId(), granted.basis(), granted.types());
    }

    /**
     * The decision again, when a subscription's notification is produced: for the organisation itself
     * (no certificate is presented then) on {@code today}, so that a terminated agreement or a ceased
     * assignment stops it. The period's length was checked when it was ordered and is not checked again.
     */
    public Decided recheck(Organisation organisation, BenefitQuestion question, LocalDate today, AuditRecord record) {
        Subject subject = subject(question, today, record);
        CallerIdentification.Result who = identification.identifyOrganisation(organisation, ServiceInterface.SYSTEM_TO_SYSTEM, today);
        record.caller(organisation.organisationNumber(), null);
        if (who.refusal() != null) {
            return Decided.refused(who.refusal());
        }
        return decideFor(who.identified(), subject, ServiceInterface.SYSTEM_TO_SYSTEM, question, today, record, false);
    }

    /** The question's person and principal as far as they are valid, written into the audit record. */
    private record Subject(Optional<Refusal> invalid, String personId, String principalNumber) {
    }

    private static Subject subject(BenefitQuestion question, LocalDate today, AuditRecord record) {
        Optional<Refusal> invalid = DisclosureRules.validateInput(question, today);
        String personId = invalid.filter(r -> r.code() == RefusalCode.INVALID_PERSON_ID).isPresent()
                ? null : PersonId.parse(question.personId(), today).canonical();
        String principalNumber = question.principalOrganisationNumber() == null || !OrganisationNumber.isValid(question.principalOrganisationNumber())
                ? null : OrganisationNumber.parse(question.principalOrganisationNumber()).value();
        record.principal(principalNumber)
                .subject(personId, question.purpose() == null ? null : question.purpose().name(), question.correlationId())
                .basis(null, question.consent() == null ? null : question.consent().auditText(), question.caseId());
        return new Subject(invalid, personId, principalNumber);
    }

    private Decided decide(Caller caller, ServiceInterface via, BenefitQuestion question, LocalDate today, AuditRecord record) {
        // Step 1: the question itself.
        Subject subject = subject(question, today, record);

        // Step 2 and 3: who asks, and whether it is connected.
        CallerIdentification.Result who = identification.identify(caller, via, today);
        record.caller(who.organisationNumber(), caller.certificateFingerprint()).user(caller.userPersonId());
        if (who.refusal() != null) {
            return Decided.refused(who.refusal());
        }
        // Outside the opening hours or in planned maintenance, no question is answered (the SLA's terms).
        Optional<Refusal> closed = serviceHours.refusalNow();
        if (closed.isPresent()) {
            return Decided.refused(closed.get());
        }
        if (subject.invalid().isPresent()) {
            return Decided.refused(subject.invalid().get());
        }
        return decideFor(who.identified(), subject, via, question, today, record, true);
    }

    private Decided decideForActor(Caller caller, ActorQuestion asked, LocalDate today, AuditRecord record) {
        // Step 1, as far as it goes before the actor is known: the person and the case, into the record.
        subject(asked.question(), today, record);

        // Steps 2 and 3: who asks, and whether it is connected.
        CallerIdentification.Result who = identification.identify(caller, ServiceInterface.SYSTEM_TO_SYSTEM, today);
        record.caller(who.organisationNumber(), caller.certificateFingerprint());
        if (who.refusal() != null) {
            return Decided.refused(who.refusal());
        }
        Optional<Refusal> closed = serviceHours.refusalNow();
        if (closed.isPresent()) {
            return Decided.refused(closed.get());
        }

        // Step 2a: the actor is the caller's own and live.
        Optional<ActorRegistration> actor = identification.actor(asked.actorId());
        Optional<Refusal> actorRefusal = ActorRules.checkActor(actor, who.identified().organisation(), today);
        if (actorRefusal.isPresent()) {
            return Decided.refused(actorRefusal.get());
        }
        ActorRegistration registration = actor.get();

        // Step 2b (SSBTEK): the submitter is the organisation the actor asks for.
        Submission submission = asked.submission();
        if (submission != null) {
            Optional<Refusal> submitter = ActorRules.checkSubmitter(submission, registration);
            if (submitter.isPresent()) {
                return Decided.refused(submitter.get());
            }
        }

        // Step 1 in full, now that the actor states the purpose and the principal.
        BenefitQuestion question = asked.question().forActor(registration.purpose(),
                registration.principal() == null ? null : registration.principal().organisationNumber());
        Subject subject = subject(question, today, record);
        if (subject.invalid().isPresent()) {
            return Decided.refused(subject.invalid().get());
        }
        if (submission != null) {
            Optional<Refusal> inCase = ActorRules.checkCase(question, submission, today);
            if (inCase.isPresent()) {
                return Decided.refused(inCase.get());
            }
        }
        return decideFor(who.identified(), subject, ServiceInterface.SYSTEM_TO_SYSTEM, question, today, record, true);
    }

    private Decided decideFor(CallerIdentification.Identified identified, Subject subject, ServiceInterface via,
                              BenefitQuestion question, LocalDate today, AuditRecord record, boolean checkPeriod) {
        CallerIdentification.Answerable answerable = identification.answerable(identified, subject.principalNumber(), via, today);
        if (answerable.refusal() != null) {
            return Decided.refused(answerable.refusal());
        }
        List<Agreement> agreements = answerable.agreements();

        // Step 1, with the agreement known.
        boolean longPeriods = agreements.stream().allMatch(Agreement::longPeriodsAllowed);
        Optional<Refusal> period = checkPeriod ? DisclosureRules.checkPeriodLength(question.from(), question.tom(), longPeriods)
                : Optional.empty();
        if (period.isPresent()) {
            return Decided.refused(period.get());
        }

        // Step 4: purpose and legal basis, for the party that answers for the question.
        Optional<LegalBasis> basis = configuration.legalBases().basisFor(answerable.partyKind(), question.purpose());
        Optional<Refusal> purpose = DisclosureRules.checkPurpose(basis, answerable.covers(question.purpose()));
        if (purpose.isPresent()) {
            return Decided.refused(purpose.get());
        }
        record.basis(basis.get().citation(), question.consent() == null ? null : question.consent().auditText(), question.caseId());

        // Step 5: consent or an open case.
        Optional<Refusal> condition = DisclosureRules.checkCondition(basis.get(), question.consent(), question.caseId(), today);
        if (condition.isPresent()) {
            return Decided.refused(condition.get());
        }

        // Step 6: the types every agreement involved allows.
        return new Decided(null, subject.personId(), basis.get(),
                DisclosureRules.selectTypes(question.informationTypes(), answerable.allowedTypes()));
    }

    private BenefitAnswer read(BenefitQuestion question, Decided decided) {
        Set<InformationType> granted = decided.types().granted();
        Instant registerTime = em.find(RegisterState.class, RegisterState.SINGLETON_ID).registerTime();
        Optional<PersonRecord> found;
        try (Connection connection = register.getConnection()) {
            found = granted.isEmpty() ? Optional.empty()
                    : RegisterReader.read(connection, decided.personId(), question.from(), question.tom(), granted);
        } catch (SQLException e) {
            throw new IllegalStateException("the register could not be read", e);
        }
        Map<InformationType, SourceStatus> sources = new EnumMap<>(InformationType.class);
        granted.forEach(type -> sources.put(type, found.map(p -> status(type, p)).orElse(SourceStatus.MISSING)));
        return found
                .map(p -> new BenefitAnswer(question.correlationId(), registerTime, decided.personId(),
                        granted.contains(InformationType.GEPI) ? p.person() : null,
                        sources, decided.types().withheld(), p.decisions(), p.payments(), p.sgi()))
                .orElseGet(() -> new BenefitAnswer(question.correlationId(), registerTime, decided.personId(), null,
                        sources, decided.types().withheld(), List.of(), List.of(), List.of()));
    }

    private static SourceStatus status(InformationType type, PersonRecord person) {
        boolean any = switch (type) {
            case GEPI -> true;
            case SGI -> !person.sgi().isEmpty();
            default -> person.decisions().stream().anyMatch(d -> d.benefit() == type)
                    || person.payments().stream().anyMatch(p -> p.benefit() == type);
        };
        return any ? SourceStatus.OK : SourceStatus.MISSING;
    }

    private static String names(Set<InformationType> types) {
        return types.isEmpty() ? null : types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
