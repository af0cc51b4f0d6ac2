package se.lefi.application.access;

import se.lefi.domain.access.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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
import se.lefi.domain.access.AccessCheck;
import se.lefi.domain.access.AccessPipeline;
import se.lefi.domain.access.ActorQuestion;
import se.lefi.domain.access.BenefitQuestion;
import se.lefi.domain.access.DisclosureRules;
import se.lefi.domain.access.LegalBasis;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.access.Submission;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.PersonRecord;
import se.lefi.domain.register.SourceStatus;
import se.lefi.infrastructure.audit.AuditTrail;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.register.RegisterReader;

/**
 * The disclosure decision for GetBenefitInformation, whichever interface the question came by: the
 * access steps of {@link AccessPipeline} run in order and the first refusal ends the question; granted
 * or refused, exactly one audit record, built from what the steps found, is written in the same
 * transaction as the answer, so no data leaves unless it is audited. The one EJB boundary of a question.
 */
@Stateless
public class DisclosureService {
    static final String OPERATION = "GetBenefitInformation";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource register;

    @Inject
    CallerIdentification identification;

    @Inject
    AuditTrail audit;

    @Inject
    LefiConfiguration configuration;

    public Outcome<BenefitAnswer> disclose(Caller caller, ServiceInterface via, BenefitQuestion question) {
        AccessCheck check = identification.check(caller, via, today()).question(question);
        return answer(newRecord(via.name()), caller, check, AccessPipeline.decide(AccessPipeline.QUESTION, check));
    }

    /**
     * A question under an actor registration (LEFI Förmånsinformation v9, directly or inside SSBTEK),
     * system-to-system: the question's steps with the actor's own, audited under {@code interfaceName} with
     * the actor and, for SSBTEK, the submitter's stated purpose and legal text.
     */
    public Outcome<BenefitAnswer> discloseForActor(Caller caller, String interfaceName, ActorQuestion asked) {
        AccessCheck check = identification.check(caller, ServiceInterface.SYSTEM_TO_SYSTEM, today()).question(asked.question())
                .actor(asked.actorId(), asked.submission());
        return answer(newRecord(interfaceName), caller, check, AccessPipeline.decide(AccessPipeline.ACTOR_QUESTION, check));
    }

    private Outcome<BenefitAnswer> answer(AuditRecord record, Caller caller, AccessCheck check, AccessPipeline.Decision decision) {
        Decided decided = decided(check, decision);
        describe(record, check, caller.certificateFingerprint(), caller.userPersonId());
        if (decided.refusal() != null) {
            audit.record(record.outcome(decided.refusal().code().name()));
            return Outcome.refused(record.requestId(), decided.refusal());
        }
        BenefitAnswer answer = read(check.question(), decided);
        audit.record(record
                .disclosed(names(answer.sources().keySet()), names(answer.withheld()), answer.registerTime())
                .outcome(AuditRecord.GRANTED));
        return Outcome.granted(record.requestId(), answer);
    }

    /** What the steps decided: a refusal, or the person, basis and types for a granted question. */
    public record Decided(Refusal refusal, String personId, LegalBasis basis, DisclosureRules.TypeSelection types) {
        public static Decided refused(Refusal refusal) {
            return new Decided(refusal, null, null, null);
        }
    }

    private static Decided decided(AccessCheck check, AccessPipeline.Decision decision) {
        return decision.granted() ? new Decided(null, check.personId(), check.basis(), check.types()) : Decided.refused(decision.refusal());
    }

    /**
     * The audit record of a question, built once from what the steps found, whichever step ended it: who
     * asked (as far as known), for whom, about whom, under which purpose and basis, and an actor's terms.
     */
    static void describe(AuditRecord record, AccessCheck check, String certificateFingerprint, String userPersonId) {
        BenefitQuestion question = check.question();
        record.caller(check.organisationNumber(), certificateFingerprint).user(userPersonId)
                .principal(check.principalNumber())
                .subject(check.personId(), question.purpose() == null ? null : question.purpose().name(), question.correlationId())
                .basis(check.basis() == null ? null : check.basis().citation(), question.consent() == null ? null : question.consent().auditText(),
                        question.caseId());
        if (check.actorId() != null) {
            record.actor(ActorRegistration.isWellFormed(check.actorId()) ? check.actorId() : null);
        }
        Submission submission = check.submission();
        if (submission != null) {
            record.submission(submission.statedPurpose(), submission.statedLegalText(), submission.caseHandler());
        }
    }

    /**
     * The decision for a subscription order about one person: the question's steps, audited into
     * {@code record} by the caller, and no data read.
     */
    public Decided decideOrder(Caller caller, BenefitQuestion question, LocalDate today, AuditRecord record) {
        AccessCheck check = identification.check(caller, ServiceInterface.SYSTEM_TO_SYSTEM, today).question(question);
        Decided decided = decided(check, AccessPipeline.decide(AccessPipeline.QUESTION, check));
        describe(record, check, caller.certificateFingerprint(), caller.userPersonId());
        return decided;
    }

    /**
     * The decision of {@code granted} (an order's earlier person) for another person of the same order:
     * only the person differs, so only the input is checked again; audited into {@code record} as
     * {@link #decideOrder} would.
     */
    public Decided sameOrderFor(Decided granted, Caller caller, String organisationNumber, BenefitQuestion question, LocalDate today,
                                AuditRecord record) {
        AccessCheck check = AccessCheck.ofInputOnly(caller.presented(), ServiceInterface.SYSTEM_TO_SYSTEM, today).question(question);
        AccessPipeline.Decision decision = AccessPipeline.decide(AccessPipeline.NEXT_PERSON_OF_ORDER, check);
        describe(record, check, caller.certificateFingerprint(), caller.userPersonId());
        record.caller(organisationNumber, caller.certificateFingerprint());
        if (!decision.granted()) {
            return Decided.refused(decision.refusal());
        }
        record.basis(granted.basis().citation(), question.consent() == null ? null : question.consent().auditText(), question.caseId());
        return new Decided(null, check.personId(), granted.basis(), granted.types());
    }

    /**
     * The decision again, when a subscription's notification is produced: for the organisation itself
     * (no certificate is presented then) on {@code today}, so that a terminated agreement or a ceased
     * assignment stops it. The period's length was checked when it was ordered and is not checked again.
     */
    public Decided recheck(Organisation organisation, BenefitQuestion question, LocalDate today, AuditRecord record) {
        AccessCheck check = identification.checkFor(organisation, ServiceInterface.SYSTEM_TO_SYSTEM, today).question(question);
        Decided decided = decided(check, AccessPipeline.decide(AccessPipeline.NOTIFICATION_RECHECK, check));
        describe(record, check, null, null);
        return decided;
    }

    private LocalDate today() {
        return LocalDate.now(configuration.clock());
    }

    private static AuditRecord newRecord(String interfaceName) {
        return new AuditRecord(UUID.randomUUID().toString(), Instant.now(), interfaceName, OPERATION);
    }

    private BenefitAnswer read(BenefitQuestion question, Decided decided) {
        Set<InformationType> granted = decided.types().granted();
        Instant registerTime;
        Optional<PersonRecord> found;
        try (Connection connection = register.getConnection()) {
            if (granted.isEmpty()) {
                registerTime = RegisterReader.registerTime(connection).orElseThrow(RegisterNotLoaded::new);
                found = Optional.empty();
            } else {
                RegisterReader.Reading reading = RegisterReader.readWithRegisterTime(connection, decided.personId(), question.from(),
                        question.tom(), granted);
                registerTime = reading.registerTime().orElseThrow(RegisterNotLoaded::new);
                found = reading.person();
            }
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

    private static final class RegisterNotLoaded extends IllegalStateException {
        RegisterNotLoaded() {
            super("the register is not loaded");
        }
    }
}
