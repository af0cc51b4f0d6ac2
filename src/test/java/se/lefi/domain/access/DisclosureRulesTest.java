package se.lefi.domain.access;

import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.lefi.domain.party.AgentAssignment;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.register.InformationType;

class DisclosureRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String PERSON = "198112189876";

    static BenefitQuestion question(String personId, LocalDate from, LocalDate tom, List<InformationType> types, String principal) {
        return new BenefitQuestion(personId, from, tom, types, Purpose.COORDINATION_OF_COMPENSATION, null, null, principal, null);
    }

    static Optional<RefusalCode> code(Optional<Refusal> refusal) {
        return refusal.map(Refusal::code);
    }

    @Nested
    class ValidateInput {
        final LocalDate from = TODAY.minusMonths(6);

        Optional<RefusalCode> validate(String personId, LocalDate from, LocalDate tom, List<InformationType> types, String principal) {
            return code(DisclosureRules.validateInput(question(personId, from, tom, types, principal), TODAY));
        }

        @Test
        void aWellFormedQuestionPasses() {
            assertTrue(validate(PERSON, from, TODAY, List.of(InformationType.SJP), null).isEmpty());
            assertTrue(validate("811218-9876", from, TODAY, List.of(InformationType.SJP), "5569000010").isEmpty());
        }

        @Test
        void personIds() {
            assertEquals(Optional.of(RefusalCode.INVALID_PERSON_ID), validate("198112189875", from, TODAY, List.of(InformationType.SJP), null));
            assertEquals(Optional.of(RefusalCode.INVALID_PERSON_ID), validate("19811318-9876", from, TODAY, List.of(InformationType.SJP), null));
            assertEquals(Optional.of(RefusalCode.INVALID_PERSON_ID), validate(null, from, TODAY, List.of(InformationType.SJP), null));
        }

        @Test
        void principalNumber() {
            assertEquals(Optional.of(RefusalCode.INVALID_ORGANISATION_NUMBER), validate(PERSON, from, TODAY, List.of(InformationType.SJP), "5569000011"));
        }

        @Test
        void periodOrder() {
            assertEquals(Optional.of(RefusalCode.INVALID_PERIOD), validate(PERSON, TODAY, from, List.of(InformationType.SJP), null));
            assertTrue(validate(PERSON, TODAY, TODAY, List.of(InformationType.SJP), null).isEmpty(), "one day is a period");
        }

        @Test
        void noType() {
            assertEquals(Optional.of(RefusalCode.NO_INFORMATION_TYPE), validate(PERSON, from, TODAY, List.of(), null));
        }
    }

    @Test
    void periodLength() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        assertTrue(DisclosureRules.checkPeriodLength(from, LocalDate.of(2025, 12, 31), false).isEmpty(), "exactly two years");
        assertEquals(Optional.of(RefusalCode.PERIOD_TOO_LONG), code(DisclosureRules.checkPeriodLength(from, LocalDate.of(2026, 1, 1), false)));
        assertTrue(DisclosureRules.checkPeriodLength(from, LocalDate.of(2030, 1, 1), true).isEmpty(), "the agreement's exception");
    }

    @Nested
    class Representation {
        final Organisation agent = new Organisation("5569000036", "Ombud", PartyKind.AGENT);
        final Organisation municipality = new Organisation("2120002411", "Kommun", PartyKind.AUTHORITY);

        @Test
        void onlyAnAgentNamesAPrincipal() {
            assertTrue(DisclosureRules.checkRepresentation(PartyKind.INSURER, false, Optional.empty(), TODAY).isEmpty());
            assertEquals(Optional.of(RefusalCode.PRINCIPAL_NOT_ALLOWED),
                    code(DisclosureRules.checkRepresentation(PartyKind.AUTHORITY, true, Optional.empty(), TODAY)));
        }

        @Test
        void anAgentMustNameItsPrincipal() {
            assertEquals(Optional.of(RefusalCode.PRINCIPAL_MISSING),
                    code(DisclosureRules.checkRepresentation(PartyKind.AGENT, false, Optional.empty(), TODAY)));
        }

        @Test
        void theAssignmentMustBeLive() {
            AgentAssignment assignment = new AgentAssignment(agent, municipality, TODAY.minusYears(1));
            assertTrue(DisclosureRules.checkRepresentation(PartyKind.AGENT, true, Optional.of(assignment), TODAY).isEmpty());
            assignment.ceaseFrom(TODAY.plusDays(1));
            assertTrue(DisclosureRules.checkRepresentation(PartyKind.AGENT, true, Optional.of(assignment), TODAY).isEmpty(),
                    "live until the cessation takes effect");
            assignment.ceaseFrom(TODAY);
            assertEquals(Optional.of(RefusalCode.NO_LIVE_ASSIGNMENT),
                    code(DisclosureRules.checkRepresentation(PartyKind.AGENT, true, Optional.of(assignment), TODAY)));
            assertEquals(Optional.of(RefusalCode.NO_LIVE_ASSIGNMENT),
                    code(DisclosureRules.checkRepresentation(PartyKind.AGENT, true, Optional.empty(), TODAY)), "no assignment at all");
            AgentAssignment future = new AgentAssignment(agent, municipality, TODAY.plusDays(1));
            assertEquals(Optional.of(RefusalCode.NO_LIVE_ASSIGNMENT),
                    code(DisclosureRules.checkRepresentation(PartyKind.AGENT, true, Optional.of(future), TODAY)), "not yet started");
        }
    }

    @Test
    void purpose() {
        LegalBasis basis = new LegalBasis(PartyKind.INSURER, Purpose.RISK_ASSESSMENT, "SFB 114 kap. 24 §", ExtraCondition.CONSENT);
        assertEquals(Optional.of(RefusalCode.NO_LEGAL_BASIS), code(DisclosureRules.checkPurpose(Optional.empty(), true)));
        assertEquals(Optional.of(RefusalCode.PURPOSE_NOT_IN_AGREEMENT), code(DisclosureRules.checkPurpose(Optional.of(basis), false)));
        assertTrue(DisclosureRules.checkPurpose(Optional.of(basis), true).isEmpty());
    }

    @Nested
    class Condition {
        final LegalBasis consentBasis = new LegalBasis(PartyKind.INSURER, Purpose.RISK_ASSESSMENT, "x", ExtraCondition.CONSENT);
        final LegalBasis caseBasis = new LegalBasis(PartyKind.AUTHORITY, Purpose.CASE_WORK, "x", ExtraCondition.OPEN_CASE);
        final LegalBasis none = new LegalBasis(PartyKind.INSURER, Purpose.COORDINATION_OF_COMPENSATION, "x", ExtraCondition.NONE);

        @Test
        void consent() {
            assertEquals(Optional.of(RefusalCode.CONSENT_MISSING), code(DisclosureRules.checkCondition(consentBasis, null, null, TODAY)));
            ConsentReference tomorrow = new ConsentReference("S-1", TODAY.plusDays(1), "risk");
            assertEquals(Optional.of(RefusalCode.CONSENT_INVALID), code(DisclosureRules.checkCondition(consentBasis, tomorrow, null, TODAY)));
            ConsentReference today = new ConsentReference("S-1", TODAY, "risk");
            assertTrue(DisclosureRules.checkCondition(consentBasis, today, null, TODAY).isEmpty());
            assertEquals(Optional.of(RefusalCode.CONSENT_MISSING), code(DisclosureRules.checkCondition(consentBasis, null, "CASE-1", TODAY)),
                    "a case id is no consent");
        }

        @Test
        void openCase() {
            assertEquals(Optional.of(RefusalCode.CASE_MISSING), code(DisclosureRules.checkCondition(caseBasis, null, null, TODAY)));
            assertEquals(Optional.of(RefusalCode.CASE_MISSING), code(DisclosureRules.checkCondition(caseBasis, null, " ", TODAY)));
            assertTrue(DisclosureRules.checkCondition(caseBasis, null, "SOC-2026-17", TODAY).isEmpty());
        }

        @Test
        void noCondition() {
            assertTrue(DisclosureRules.checkCondition(none, null, null, TODAY).isEmpty());
        }
    }

    @Test
    void typesOutsideTheAgreementAreWithheld() {
        DisclosureRules.TypeSelection selection = DisclosureRules.selectTypes(
                List.of(InformationType.SJP, InformationType.AP, InformationType.SGI),
                EnumSet.of(InformationType.SJP, InformationType.SGI, InformationType.FP));
        assertEquals(EnumSet.of(InformationType.SJP, InformationType.SGI), selection.granted());
        assertEquals(EnumSet.of(InformationType.AP), selection.withheld());
    }
}
