package se.lefi.domain.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.register.InformationType;

class LifecycleRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Organisation INSURER = new Organisation("5569000010", "Demo", PartyKind.INSURER);

    private static Agreement sentToday() {
        return new Agreement(INSURER, TODAY, EnumSet.of(ServiceInterface.SYSTEM_TO_SYSTEM),
                EnumSet.of(Purpose.COORDINATION_OF_COMPENSATION), EnumSet.of(InformationType.SJP), false);
    }

    private static LifecycleException.Code refusal(Runnable step) {
        return assertThrows(LifecycleException.class, step::run).code();
    }

    @Test
    void eachPartySignsOnceAndNotBeforeTheAgreementWasSent() {
        Agreement agreement = sentToday();
        assertEquals(LifecycleException.Code.SIGNED_BEFORE_SENT, refusal(() -> agreement.sign(Agreement.Party.AGENCY, TODAY.minusDays(1))));
        agreement.sign(Agreement.Party.ORGANISATION, TODAY);
        assertEquals(LifecycleException.Code.ALREADY_SIGNED, refusal(() -> agreement.sign(Agreement.Party.ORGANISATION, TODAY)));
        assertEquals(Agreement.Standing.SIGNED_BY_ONE_PARTY, agreement.standingOn(TODAY));
        agreement.sign(Agreement.Party.AGENCY, TODAY);
        assertEquals(Agreement.Standing.IN_FORCE, agreement.standingOn(TODAY));
    }

    @Test
    void onlyAConnectedAgreementIsTerminatedAndATerminationInEffectIsFinal() {
        Agreement agreement = sentToday();
        assertEquals(LifecycleException.Code.NOT_CONNECTED, refusal(() -> agreement.terminateFrom(TODAY, TODAY)));
        agreement.sign(Agreement.Party.ORGANISATION, TODAY);
        agreement.sign(Agreement.Party.AGENCY, TODAY);
        agreement.terminateFrom(TODAY.plusDays(30), TODAY);
        agreement.terminateFrom(TODAY.plusDays(7), TODAY);
        assertEquals(Agreement.Standing.IN_FORCE, agreement.standingOn(TODAY.plusDays(6)));
        assertEquals(Agreement.Standing.TERMINATED, agreement.standingOn(TODAY.plusDays(7)));
        agreement.terminateFrom(TODAY, TODAY);
        assertEquals(LifecycleException.Code.ALREADY_TERMINATED, refusal(() -> agreement.terminateFrom(TODAY.plusDays(1), TODAY)));
        assertEquals(LifecycleException.Code.ALREADY_TERMINATED, refusal(() -> agreement.sign(Agreement.Party.AGENCY, TODAY)));
    }

    @Test
    void aCessationInEffectIsFinal() {
        AgentAssignment assignment = new AgentAssignment(new Organisation("5569000036", "Ombud", PartyKind.AGENT),
                new Organisation("2120002411", "Kommun", PartyKind.AUTHORITY), TODAY.minusYears(1));
        assignment.ceaseFrom(TODAY.plusDays(1), TODAY);
        assertTrue(assignment.isLiveOn(TODAY));
        assignment.ceaseFrom(TODAY, TODAY);
        assertFalse(assignment.isLiveOn(TODAY));
        assertEquals(LifecycleException.Code.NO_LIVE_ASSIGNMENT, refusal(() -> assignment.ceaseFrom(TODAY, TODAY)));
    }
}
