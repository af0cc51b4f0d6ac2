package se.lefi.domain.access;

import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.lefi.domain.party.Agreement;
import se.lefi.domain.party.Organisation;
import se.lefi.domain.party.PartyKind;
import se.lefi.domain.party.ServiceInterface;
import se.lefi.domain.register.InformationType;

class ConnectionCheckTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Agreement agreement() {
        return new Agreement(new Organisation("5569000010", "Demo", PartyKind.INSURER), TODAY.minusDays(30),
                EnumSet.of(ServiceInterface.SYSTEM_TO_SYSTEM), EnumSet.of(Purpose.COORDINATION_OF_COMPENSATION),
                EnumSet.of(InformationType.SJP), false);
    }

    private static Optional<RefusalCode> check(Agreement agreement, ServiceInterface used) {
        return ConnectionCheck.check(Optional.ofNullable(agreement), used, TODAY).map(Refusal::code);
    }

    @Test
    void noAgreementIsNotConnected() {
        assertEquals(Optional.of(RefusalCode.NOT_CONNECTED), check(null, ServiceInterface.SYSTEM_TO_SYSTEM));
    }

    @Test
    void bothPartiesMustHaveSigned() {
        Agreement agreement = agreement();
        assertEquals(Optional.of(RefusalCode.AGREEMENT_NOT_SIGNED), check(agreement, ServiceInterface.SYSTEM_TO_SYSTEM));
        agreement.signByOrganisation(TODAY.minusDays(2));
        assertEquals(Optional.of(RefusalCode.AGREEMENT_NOT_SIGNED), check(agreement, ServiceInterface.SYSTEM_TO_SYSTEM));
        agreement.signByAgency(TODAY);
        assertTrue(check(agreement, ServiceInterface.SYSTEM_TO_SYSTEM).isEmpty());
    }

    @Test
    void aSignatureDatedTomorrowDoesNotCountToday() {
        Agreement agreement = agreement();
        agreement.signByOrganisation(TODAY);
        agreement.signByAgency(TODAY.plusDays(1));
        assertEquals(Optional.of(RefusalCode.AGREEMENT_NOT_SIGNED), check(agreement, ServiceInterface.SYSTEM_TO_SYSTEM));
    }

    @Test
    void terminationTakesEffectFromItsDate() {
        Agreement agreement = agreement();
        agreement.signByOrganisation(TODAY.minusDays(10));
        agreement.signByAgency(TODAY.minusDays(10));
        agreement.terminateFrom(TODAY.plusDays(1), TODAY);
        assertTrue(check(agreement, ServiceInterface.SYSTEM_TO_SYSTEM).isEmpty(), "still in force the day before");
        agreement.terminateFrom(TODAY, TODAY);
        assertEquals(Optional.of(RefusalCode.AGREEMENT_TERMINATED), check(agreement, ServiceInterface.SYSTEM_TO_SYSTEM));
    }

    @Test
    void theInterfaceMustBeCovered() {
        Agreement agreement = agreement();
        agreement.signByOrganisation(TODAY);
        agreement.signByAgency(TODAY);
        assertEquals(Optional.of(RefusalCode.INTERFACE_NOT_COVERED), check(agreement, ServiceInterface.WEB));
    }
}
