package se.lefi.domain.access;

import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.lefi.domain.party.ActorRegistration;
import se.lefi.domain.party.AgentAssignment;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.CertificateBinding;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyDirectory;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.party.WebUser;
import se.lefi.domain.register.InformationType;

/**
 * The access steps in order, over party facts held in memory: each refusal at its own step, and each
 * step only after those before it (an unknown caller learns nothing of its input's mistakes).
 */
class AccessPipelineTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String PERSON = "198112189876";
    static final String INSURER = "5569000010";
    static final String AGENT = "5569000028";
    static final String UNREGISTERED = "5569000036";
    static LegalBasisCatalogue bases;

    final Directory directory = new Directory();
    final Organisation insurer = directory.connected(INSURER, PartyKind.INSURER, Set.of(Purpose.COORDINATION_OF_COMPENSATION),
            Set.of(InformationType.SJP, InformationType.SGI));
    final Organisation agent = directory.connected(AGENT, PartyKind.AGENT, Set.of(Purpose.COORDINATION_OF_COMPENSATION),
            Set.of(InformationType.SJP));

    @BeforeAll
    static void legalBases() throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of("config/legal-bases.csv"), StandardCharsets.UTF_8)) {
            bases = LegalBasisCatalogue.parse(reader);
        }
    }

    @Test
    void everyWayInRunsItsStepsInTheStepsOwnOrder() {
        for (AccessPipeline.Way way : AccessPipeline.WAYS) {
            List<AccessStep> sorted = new ArrayList<>(way.steps());
            sorted.sort(null);
            assertEquals(sorted, way.steps(), way.name());
        }
    }

    @Test
    void aGrantedQuestionHasItsBasisAndItsTypesSplit() {
        AccessCheck check = check(presented(INSURER)).question(question(PERSON, List.of(InformationType.SJP, InformationType.FP), null));
        AccessPipeline.Decision decision = AccessPipeline.decide(AccessPipeline.QUESTION, check);
        assertTrue(decision.granted(), String.valueOf(decision));
        assertEquals(Set.of(InformationType.SJP), check.types().granted());
        assertEquals(Set.of(InformationType.FP), check.types().withheld());
        assertEquals(PERSON, check.personId());
        assertEquals(PartyKind.INSURER, check.answeringKind());
    }

    @Test
    void noCertificate() {
        assertRefused(AccessStep.CERTIFICATE, RefusalCode.NO_CLIENT_CERTIFICATE, check(Presented.NOTHING).question(question(PERSON)));
    }

    @Test
    void aRevokedCertificateIsRefusedBeforeAnythingItNamesIsLookedUp() {
        AccessCheck check = check(new Presented(true, RefusalCode.CERTIFICATE_REVOKED, "f", INSURER, null)).question(question(PERSON));
        assertRefused(AccessStep.CERTIFICATE, RefusalCode.CERTIFICATE_REVOKED, check);
        assertEquals(INSURER, check.organisationNumber(), "the audit names whom the certificate names");
        assertEquals(0, directory.lookups, "nothing looked up");
    }

    @Test
    void anUnregisteredOrganisationIsNotConnectedAndItsInputMistakesAreNotReported() {
        assertRefused(AccessStep.CALLER, RefusalCode.NOT_CONNECTED, check(presented(UNREGISTERED)).question(question("19811218987")));
    }

    @Test
    void aCertificateNamingNoOrganisationIsUnknown() {
        assertRefused(AccessStep.CALLER, RefusalCode.UNKNOWN_CERTIFICATE, check(presented(null)).question(question(PERSON)));
    }

    @Test
    void anUnboundCertificateOfAnOrganisationWithBoundOnesIsUnknown() {
        directory.bind(insurer, "bound");
        assertRefused(AccessStep.CALLER, RefusalCode.UNKNOWN_CERTIFICATE, check(presented(INSURER)).question(question(PERSON)));
        assertTrue(AccessPipeline.decide(AccessPipeline.QUESTION,
                check(new Presented(true, null, "bound", null, null)).question(question(PERSON))).granted(), "the bound one is known");
    }

    @Test
    void aTerminatedAgreement() {
        directory.agreements.get(INSURER).terminateFrom(TODAY, TODAY);
        assertRefused(AccessStep.CONNECTED, RefusalCode.AGREEMENT_TERMINATED, check(presented(INSURER)).question(question(PERSON)));
    }

    @Test
    void theWebNeedsAUsersLiveDecision() {
        Presented user = new Presented(true, null, "u", INSURER, PERSON);
        assertRefused(AccessStep.CALLER, RefusalCode.USER_NOT_AUTHORISED,
                AccessCheck.of(user, ServiceInterface.WEB, TODAY, directory, bases).question(question(PERSON)));
    }

    @Test
    void aClosedServiceBeforeTheInput() {
        AccessCheck check = check(presented(INSURER)).question(question("19811218987"))
                .serviceClosed(() -> Optional.of(Refusal.of(RefusalCode.OUTSIDE_SERVICE_HOURS)));
        assertRefused(AccessStep.SERVICE_OPEN, RefusalCode.OUTSIDE_SERVICE_HOURS, check);
    }

    @Test
    void anInvalidPersonOnceTheCallerIsKnown() {
        AccessCheck check = check(presented(INSURER)).question(question("198112189875"));
        assertRefused(AccessStep.INPUT, RefusalCode.INVALID_PERSON_ID, check);
        assertNull(check.personId(), "an invalid id is not audited as a person");
    }

    @Test
    void anInsurerNamingAPrincipal() {
        assertRefused(AccessStep.REPRESENTATION, RefusalCode.PRINCIPAL_NOT_ALLOWED,
                check(presented(INSURER)).question(question(PERSON, List.of(InformationType.SJP), AGENT)));
    }

    @Test
    void anAgentWithoutAPrincipal() {
        assertRefused(AccessStep.REPRESENTATION, RefusalCode.PRINCIPAL_MISSING, check(presented(AGENT)).question(question(PERSON)));
    }

    @Test
    void anAgentWithoutALiveAssignment() {
        assertRefused(AccessStep.REPRESENTATION, RefusalCode.NO_LIVE_ASSIGNMENT,
                check(presented(AGENT)).question(question(PERSON, List.of(InformationType.SJP), INSURER)));
    }

    @Test
    void anAgentWhosePrincipalIsTerminated() {
        directory.assign(agent, insurer);
        directory.agreements.get(INSURER).terminateFrom(TODAY, TODAY);
        assertRefused(AccessStep.PRINCIPAL_CONNECTED, RefusalCode.AGREEMENT_TERMINATED,
                check(presented(AGENT)).question(question(PERSON, List.of(InformationType.SJP), INSURER)));
    }

    @Test
    void anAgentAsksWithItsPrincipalsBasisAndBothAgreementsTypes() {
        directory.assign(agent, insurer);
        AccessCheck check = check(presented(AGENT)).question(question(PERSON, List.of(InformationType.SJP, InformationType.SGI), INSURER));
        assertTrue(AccessPipeline.decide(AccessPipeline.QUESTION, check).granted());
        assertEquals(PartyKind.INSURER, check.answeringKind());
        assertEquals(Set.of(InformationType.SGI), check.types().withheld(), "the agent's agreement does not allow SGI");
    }

    @Test
    void aPeriodOverTwoYears() {
        AccessCheck check = check(presented(INSURER)).question(new BenefitQuestion(PERSON, TODAY.minusYears(3), TODAY,
                List.of(InformationType.SJP), Purpose.COORDINATION_OF_COMPENSATION, null, null, null, null));
        assertRefused(AccessStep.PERIOD_LENGTH, RefusalCode.PERIOD_TOO_LONG, check);
    }

    @Test
    void aPurposeOutsideTheAgreement() {
        AccessCheck check = check(presented(INSURER)).question(new BenefitQuestion(PERSON, TODAY.minusYears(1), TODAY,
                List.of(InformationType.SJP), Purpose.RISK_ASSESSMENT, null, null, null, null));
        assertRefused(AccessStep.LEGAL_BASIS, RefusalCode.PURPOSE_NOT_IN_AGREEMENT, check);
    }

    @Test
    void aPurposeWithoutLegalBasisForTheKind() {
        AccessCheck check = check(presented(INSURER)).question(new BenefitQuestion(PERSON, TODAY.minusYears(1), TODAY,
                List.of(InformationType.SJP), Purpose.SOCIAL_SERVICES, null, null, null, null));
        assertRefused(AccessStep.LEGAL_BASIS, RefusalCode.NO_LEGAL_BASIS, check);
    }

    @Test
    void consentWhereTheBasisDemandsIt() {
        Organisation risk = directory.connected("5569000044", PartyKind.INSURER, Set.of(Purpose.RISK_ASSESSMENT), Set.of(InformationType.SJP));
        AccessCheck check = check(presented(risk.organisationNumber())).question(new BenefitQuestion(PERSON, TODAY.minusYears(1), TODAY,
                List.of(InformationType.SJP), Purpose.RISK_ASSESSMENT, null, null, null, null));
        assertRefused(AccessStep.CONSENT_OR_CASE, RefusalCode.CONSENT_MISSING, check);
    }

    @Test
    void anotherOrganisationsActorIsUnknown() {
        Organisation other = directory.connected("5569000044", PartyKind.INSURER, Set.of(Purpose.COORDINATION_OF_COMPENSATION), Set.of(InformationType.SJP));
        directory.actors.put("A-1", new ActorRegistration("A-1", other, null, Purpose.COORDINATION_OF_COMPENSATION, TODAY.minusYears(1)));
        AccessCheck check = check(presented(INSURER)).question(question(PERSON)).actor("A-1", null);
        assertRefused(AccessStep.ACTOR, RefusalCode.UNKNOWN_ACTOR, check);
    }

    @Test
    void anActorStatesThePurpose() {
        directory.actors.put("A-2", new ActorRegistration("A-2", insurer, null, Purpose.COORDINATION_OF_COMPENSATION, TODAY.minusYears(1)));
        AccessCheck check = check(presented(INSURER)).question(new BenefitQuestion(PERSON, TODAY.minusYears(1), TODAY,
                List.of(InformationType.SJP), null, null, null, null, null)).actor("A-2", null);
        assertTrue(AccessPipeline.decide(AccessPipeline.ACTOR_QUESTION, check).granted());
        assertNull(check.principalNumber());
        assertEquals(Purpose.COORDINATION_OF_COMPENSATION, check.question().purpose());
    }

    @Test
    void aRefusedSubmitterIsAuditedWithTheQuestionAsAsked() {
        directory.actors.put("A-3", new ActorRegistration("A-3", insurer, null, Purpose.COORDINATION_OF_COMPENSATION, TODAY.minusYears(1)));
        Submission otherSubmitter = new Submission("2120002411", "Handläggare", List.of(), PERSON, TODAY.minusYears(1), TODAY, "EB-1",
                "syfte", "lagtext");
        AccessCheck check = check(presented(INSURER)).question(new BenefitQuestion(PERSON, TODAY.minusYears(1), TODAY,
                List.of(InformationType.SJP), null, null, null, null, null)).actor("A-3", otherSubmitter);
        assertRefused(AccessStep.SUBMITTER, RefusalCode.SUBMITTER_MISMATCH, check);
        assertNull(check.question().purpose(), "the actor's purpose is taken only once the submitter is the actor's");
    }

    @Test
    void anOrdersNextPersonIsCheckedForItsInputAloneWithoutAnyLookUp() {
        assertRefused(AccessStep.INPUT, RefusalCode.INVALID_PERSON_ID,
                AccessCheck.ofInputOnly(presented(INSURER), ServiceInterface.SYSTEM_TO_SYSTEM, TODAY).question(question("198112189875")),
                AccessPipeline.NEXT_PERSON_OF_ORDER);
        AccessCheck next = AccessCheck.ofInputOnly(presented(INSURER), ServiceInterface.SYSTEM_TO_SYSTEM, TODAY).question(question(PERSON));
        assertTrue(AccessPipeline.decide(AccessPipeline.NEXT_PERSON_OF_ORDER, next).granted());
        assertEquals(PERSON, next.personId());
    }

    @Test
    void aNotificationsRecheckNeedsNoCertificateButAConnection() {
        AccessCheck check = AccessCheck.forOrganisation(insurer, ServiceInterface.SYSTEM_TO_SYSTEM, TODAY, directory, bases).question(question(PERSON));
        assertTrue(AccessPipeline.decide(AccessPipeline.NOTIFICATION_RECHECK, check).granted());
        directory.agreements.get(INSURER).terminateFrom(TODAY, TODAY);
        assertRefused(AccessStep.CONNECTED, RefusalCode.AGREEMENT_TERMINATED,
                AccessCheck.forOrganisation(insurer, ServiceInterface.SYSTEM_TO_SYSTEM, TODAY, directory, bases).question(question(PERSON)),
                AccessPipeline.NOTIFICATION_RECHECK);
    }

    @Test
    void everyStepsRefusalCodesAreNamed() {
        for (AccessStep step : AccessStep.values()) {
            assertTrue(step == AccessStep.TYPES || !step.codes().isEmpty(), step.name());
        }
    }

    private void assertRefused(AccessStep step, RefusalCode code, AccessCheck check) {
        assertRefused(step, code, check, check.actorId() != null ? AccessPipeline.ACTOR_QUESTION : AccessPipeline.QUESTION);
    }

    private static void assertRefused(AccessStep step, RefusalCode code, AccessCheck check, List<AccessStep> steps) {
        AccessPipeline.Decision decision = AccessPipeline.decide(steps, check);
        assertEquals(code, decision.refusal() == null ? null : decision.refusal().code());
        assertEquals(step, decision.refusedAt());
        assertTrue(step.codes().contains(code), step + " names " + code);
    }

    private AccessCheck check(Presented presented) {
        return AccessCheck.of(presented, ServiceInterface.SYSTEM_TO_SYSTEM, TODAY, directory, bases);
    }

    private static Presented presented(String organisationNumber) {
        return new Presented(true, null, "fingerprint-of-" + organisationNumber, organisationNumber, null);
    }

    static BenefitQuestion question(String personId) {
        return question(personId, List.of(InformationType.SJP), null);
    }

    static BenefitQuestion question(String personId, List<InformationType> types, String principal) {
        return new BenefitQuestion(personId, TODAY.minusYears(1), TODAY, types, Purpose.COORDINATION_OF_COMPENSATION, null, null, principal, null);
    }

    /** Party facts in memory, counting the look-ups. */
    static final class Directory implements PartyDirectory {
        final Map<String, Organisation> organisations = new HashMap<>();
        final Map<String, Agreement> agreements = new HashMap<>();
        final Map<String, CertificateBinding> bindings = new HashMap<>();
        final Map<String, AgentAssignment> assignments = new HashMap<>();
        final Map<String, ActorRegistration> actors = new HashMap<>();
        int lookups;

        Organisation connected(String number, PartyKind kind, Set<Purpose> purposes, Set<InformationType> types) {
            Organisation organisation = new Organisation(number, "Org " + number, kind);
            Agreement agreement = new Agreement(organisation, TODAY.minusYears(1), Set.of(ServiceInterface.SYSTEM_TO_SYSTEM, ServiceInterface.WEB),
                    purposes, types, false);
            agreement.signByOrganisation(TODAY.minusYears(1));
            agreement.signByAgency(TODAY.minusYears(1));
            organisations.put(number, organisation);
            agreements.put(number, agreement);
            return organisation;
        }

        void bind(Organisation organisation, String fingerprint) {
            bindings.put(fingerprint, new CertificateBinding(organisation, fingerprint, "CN=x", "CN=ca", Instant.now().plusSeconds(3600), Instant.now()));
        }

        void assign(Organisation agent, Organisation principal) {
            assignments.put(agent.organisationNumber() + ">" + principal.organisationNumber(), new AgentAssignment(agent, principal, TODAY.minusYears(1)));
        }

        @Override
        public Optional<CertificateBinding> liveBinding(String fingerprint) {
            lookups++;
            return Optional.ofNullable(bindings.get(fingerprint));
        }

        @Override
        public Optional<Organisation> organisation(String organisationNumber) {
            lookups++;
            return Optional.ofNullable(organisations.get(organisationNumber));
        }

        @Override
        public long bindingCount(Organisation organisation) {
            lookups++;
            return bindings.values().stream().filter(b -> b.organisation() == organisation).count();
        }

        @Override
        public Optional<Agreement> currentAgreement(Organisation organisation) {
            lookups++;
            return Optional.ofNullable(agreements.get(organisation.organisationNumber()));
        }

        @Override
        public Optional<AgentAssignment> assignment(Organisation agent, Organisation principal) {
            lookups++;
            return Optional.ofNullable(assignments.get(agent.organisationNumber() + ">" + principal.organisationNumber()));
        }

        @Override
        public List<WebUser> webUsers(String personId) {
            lookups++;
            return List.of();
        }

        @Override
        public Optional<ActorRegistration> actor(String actorId) {
            lookups++;
            return Optional.ofNullable(actors.get(actorId));
        }
    }
}
