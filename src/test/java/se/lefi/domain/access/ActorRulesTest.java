package se.lefi.domain.access;

import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.LifecycleException;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.register.InformationType;

/** The steps an actor registration adds to the decision, each branch with its exact code. */
class ActorRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final String PERSON = "198112189876";
    static final Organisation MUNICIPALITY = new Organisation("2120002411", "Demo kommun", PartyKind.AUTHORITY);
    static final Organisation AGENT = new Organisation("5569000036", "Demo Ombud AB", PartyKind.AGENT);
    static final Organisation INSURER = new Organisation("5569000010", "Demo Försäkring AB", PartyKind.INSURER);

    static ActorRegistration own() {
        return new ActorRegistration("026-51", MUNICIPALITY, null, Purpose.SOCIAL_SERVICES, TODAY.minusYears(1));
    }

    static ActorRegistration agents() {
        return new ActorRegistration("026-52", AGENT, MUNICIPALITY, Purpose.SOCIAL_SERVICES, TODAY.minusYears(1));
    }

    static Optional<RefusalCode> code(Optional<Refusal> refusal) {
        return refusal.map(Refusal::code);
    }

    @Nested
    class Actor {
        @Test
        void theCallersOwnLiveActor() {
            assertEquals(Optional.empty(), code(ActorRules.checkActor(Optional.of(own()), MUNICIPALITY, TODAY)));
        }

        @Test
        void unknownAndAnotherOrganisationsAreRefusedAlike() {
            assertEquals(Optional.of(RefusalCode.UNKNOWN_ACTOR), code(ActorRules.checkActor(Optional.empty(), MUNICIPALITY, TODAY)));
            assertEquals(Optional.of(RefusalCode.UNKNOWN_ACTOR), code(ActorRules.checkActor(Optional.of(own()), INSURER, TODAY)));
            ActorRegistration ended = own();
            ended.endFrom(TODAY, TODAY);
            assertEquals(Optional.of(RefusalCode.UNKNOWN_ACTOR), code(ActorRules.checkActor(Optional.of(ended), INSURER, TODAY)),
                    "another's actor says nothing of whether it ended");
        }

        @Test
        void endedFromTodayOnly() {
            ActorRegistration actor = own();
            actor.endFrom(TODAY.plusDays(1), TODAY);
            assertEquals(Optional.empty(), code(ActorRules.checkActor(Optional.of(actor), MUNICIPALITY, TODAY)));
            assertEquals(Optional.of(RefusalCode.ACTOR_ENDED), code(ActorRules.checkActor(Optional.of(actor), MUNICIPALITY, TODAY.plusDays(1))));
        }
    }

    @Nested
    class Submitter {
        static Submission by(String submitter, String... processors) {
            return new Submission(submitter, "Handläggare", List.of(processors), PERSON, TODAY.minusMonths(6), TODAY, "EB-1", "syfte", "lagtext");
        }

        @Test
        void theActorsOwnOrganisationInEitherForm() {
            assertEquals(Optional.empty(), code(ActorRules.checkSubmitter(by("2120002411"), own())));
            assertEquals(Optional.empty(), code(ActorRules.checkSubmitter(by("162120002411"), own())));
        }

        @Test
        void anotherSubmitter() {
            assertEquals(Optional.of(RefusalCode.SUBMITTER_MISMATCH), code(ActorRules.checkSubmitter(by("5569000010"), own())));
        }

        @Test
        void aSubmitterThatIsNoOrganisationNumber() {
            assertEquals(Optional.of(RefusalCode.INVALID_ORGANISATION_NUMBER), code(ActorRules.checkSubmitter(by("2120002412"), own())));
        }

        @Test
        void anAgentSubmitsForItsPrincipalAndIsNamedAmongTheProcessors() {
            assertEquals(Optional.empty(), code(ActorRules.checkSubmitter(by("162120002411", "165569000036"), agents())));
            assertEquals(Optional.of(RefusalCode.SUBMITTER_MISMATCH), code(ActorRules.checkSubmitter(by("2120002411"), agents())),
                    "the agent is not among the processors");
            assertEquals(Optional.of(RefusalCode.SUBMITTER_MISMATCH), code(ActorRules.checkSubmitter(by("2120002411", "5569000010"), agents())),
                    "another processor is named");
            assertEquals(Optional.of(RefusalCode.SUBMITTER_MISMATCH), code(ActorRules.checkSubmitter(by("5569000036", "5569000036"), agents())),
                    "the agent submits as itself");
        }
    }

    @Nested
    class Case {
        static BenefitQuestion question(String personId, LocalDate from, LocalDate tom) {
            return new BenefitQuestion(personId, from, tom, List.of(InformationType.SJP), Purpose.SOCIAL_SERVICES, null, "EB-1", null, null);
        }

        static Submission caseOf(String personId, LocalDate from, LocalDate tom) {
            return new Submission("2120002411", "Handläggare", List.of(), personId, from, tom, "EB-1", "syfte", "lagtext");
        }

        @Test
        void thePersonInAnyFormAndAPeriodWithinTheCase() {
            assertEquals(Optional.empty(), code(ActorRules.checkCase(question("8112189876", TODAY.minusMonths(3), TODAY.minusMonths(1)),
                    caseOf(PERSON, TODAY.minusMonths(6), TODAY), TODAY)));
        }

        @Test
        void anotherPerson() {
            assertEquals(Optional.of(RefusalCode.QUESTION_NOT_IN_CASE), code(ActorRules.checkCase(question("199001011239", TODAY.minusMonths(3), TODAY),
                    caseOf(PERSON, TODAY.minusMonths(6), TODAY), TODAY)));
        }

        @Test
        void aPeriodStartingBeforeOrEndingAfterTheCase() {
            Submission sixMonths = caseOf(PERSON, TODAY.minusMonths(6), TODAY.minusMonths(1));
            assertEquals(Optional.of(RefusalCode.QUESTION_NOT_IN_CASE),
                    code(ActorRules.checkCase(question(PERSON, TODAY.minusMonths(6).minusDays(1), TODAY.minusMonths(2)), sixMonths, TODAY)));
            assertEquals(Optional.of(RefusalCode.QUESTION_NOT_IN_CASE),
                    code(ActorRules.checkCase(question(PERSON, TODAY.minusMonths(6), TODAY.minusMonths(1).plusDays(1)), sixMonths, TODAY)));
        }

        @Test
        void theCasesOwnPersonAndPeriodMustBeValid() {
            assertEquals(Optional.of(RefusalCode.INVALID_PERSON_ID), code(ActorRules.checkCase(question(PERSON, TODAY.minusMonths(1), TODAY),
                    caseOf("198112189875", TODAY.minusMonths(6), TODAY), TODAY)));
            assertEquals(Optional.of(RefusalCode.INVALID_PERIOD), code(ActorRules.checkCase(question(PERSON, TODAY.minusMonths(1), TODAY),
                    caseOf(PERSON, TODAY, TODAY.minusMonths(6)), TODAY)));
        }
    }

    @Nested
    class Registration {
        static LifecycleException.Code refusal(Runnable step) {
            return assertThrows(LifecycleException.class, step::run).code();
        }

        @Test
        void whatARegistrationMustHold() {
            assertEquals(LifecycleException.Code.INVALID_ACTOR_ID, refusal(() -> new ActorRegistration("026 51", MUNICIPALITY, null,
                    Purpose.SOCIAL_SERVICES, TODAY)));
            assertEquals(LifecycleException.Code.INVALID_ACTOR_ID, refusal(() -> new ActorRegistration("x".repeat(65), MUNICIPALITY, null,
                    Purpose.SOCIAL_SERVICES, TODAY)));
            assertEquals(LifecycleException.Code.PRINCIPAL_MISSING, refusal(() -> new ActorRegistration("A-1", AGENT, null,
                    Purpose.SOCIAL_SERVICES, TODAY)));
            assertEquals(LifecycleException.Code.NOT_AN_AGENT, refusal(() -> new ActorRegistration("A-1", INSURER, MUNICIPALITY,
                    Purpose.COORDINATION_OF_COMPENSATION, TODAY)));
            assertEquals(LifecycleException.Code.PRINCIPAL_NOT_AN_AUTHORITY, refusal(() -> new ActorRegistration("A-1", AGENT, INSURER,
                    Purpose.SOCIAL_SERVICES, TODAY)));
            assertEquals(LifecycleException.Code.ACTOR_NOT_A_CLIENT, refusal(() -> new ActorRegistration("A-1",
                    new Organisation("2021009994", "LEFI drift", PartyKind.AGENCY), null, Purpose.CASE_WORK, TODAY)));
        }

        @Test
        void endedOnceFromTodayAtTheEarliest() {
            ActorRegistration actor = own();
            assertEquals(LifecycleException.Code.DATE_IN_PAST, refusal(() -> actor.endFrom(TODAY.minusDays(1), TODAY)));
            actor.endFrom(TODAY, TODAY);
            assertEquals(LifecycleException.Code.ACTOR_ALREADY_ENDED, refusal(() -> actor.endFrom(TODAY, TODAY)));
        }
    }
}
