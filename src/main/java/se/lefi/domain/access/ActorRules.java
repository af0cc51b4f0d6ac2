package se.lefi.domain.access;

import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;

import java.time.LocalDate;
import java.util.Optional;
import se.lefi.domain.identity.OrganisationNumber;
import se.lefi.domain.identity.PersonId;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.Organisation;

/**
 * The steps a question under an actor registration adds to the disclosure decision. Like
 * {@link DisclosureRules}, each is a pure function that returns the refusal it finds.
 */
public final class ActorRules {
    private ActorRules() {
    }

    /**
     * Step 2a: the actor is registered and belongs to the certificate's organisation, and its registration
     * is live. Another organisation's actor is refused as an unknown one, and before whether it ended, so
     * a caller learns nothing of which ids exist (the audit record names the actor id asked for).
     */
    public static Optional<Refusal> checkActor(Optional<ActorRegistration> actor, Organisation caller, LocalDate today) {
        if (actor.isEmpty() || !actor.get().organisation().organisationNumber().equals(caller.organisationNumber())) {
            return refuse(RefusalCode.UNKNOWN_ACTOR);
        }
        return actor.get().isLiveOn(today) ? Optional.empty() : refuse(RefusalCode.ACTOR_ENDED);
    }

    /**
     * Step 2b (SSBTEK): the submitter (ingivare) is the organisation the actor asks for: the caller itself,
     * or the principal of the agent (personuppgiftsbiträde) that presents its own certificate, and that
     * agent is named among the data processors.
     */
    public static Optional<Refusal> checkSubmitter(Submission submission, ActorRegistration actor) {
        Optional<String> submitter = tenDigits(submission.submitter());
        if (submitter.isEmpty()) {
            return refuse(RefusalCode.INVALID_ORGANISATION_NUMBER);
        }
        Organisation answering = actor.principal() != null ? actor.principal() : actor.organisation();
        if (!submitter.get().equals(answering.organisationNumber())) {
            return refuse(RefusalCode.SUBMITTER_MISMATCH);
        }
        boolean agentNamed = actor.principal() == null || submission.processors().stream().map(ActorRules::tenDigits)
                .anyMatch(p -> p.filter(actor.organisation().organisationNumber()::equals).isPresent());
        return agentNamed ? Optional.empty() : refuse(RefusalCode.SUBMITTER_MISMATCH);
    }

    /**
     * Step 1 (SSBTEK), after the question's own input checks: the LEFI question is about the case's person
     * (personidentitet) and within the case's period (tidsperiod).
     */
    public static Optional<Refusal> checkCase(BenefitQuestion question, Submission submission, LocalDate today) {
        if (!PersonId.isValid(submission.personId(), today)) {
            return refuse(RefusalCode.INVALID_PERSON_ID);
        }
        if (submission.from() == null || submission.tom() == null || submission.from().isAfter(submission.tom())) {
            return refuse(RefusalCode.INVALID_PERIOD);
        }
        boolean samePerson = PersonId.parse(submission.personId(), today).canonical()
                .equals(PersonId.parse(question.personId(), today).canonical());
        boolean withinPeriod = !question.from().isBefore(submission.from()) && !question.tom().isAfter(submission.tom());
        return samePerson && withinPeriod ? Optional.empty() : refuse(RefusalCode.QUESTION_NOT_IN_CASE);
    }

    private static Optional<String> tenDigits(String organisationNumber) {
        return organisationNumber != null && OrganisationNumber.isValid(organisationNumber)
                ? Optional.of(OrganisationNumber.parse(organisationNumber).value()) : Optional.empty();
    }

    private static Optional<Refusal> refuse(RefusalCode code) {
        return Optional.of(Refusal.of(code));
    }
}
