package se.lefi.domain.party;

import se.lefi.domain.access.ConnectionCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.lefi.domain.shared.Purpose;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.register.InformationType;

/** When a web user may use the web interface: the decision, its deregistration, and the organisation's agreement. */
class WebUserAccessTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Organisation INSURER = new Organisation("5569000010", "Demo", PartyKind.INSURER);

    private static Agreement inForce(Set<ServiceInterface> interfaces) {
        Agreement agreement = new Agreement(INSURER, TODAY.minusDays(10), interfaces,
                EnumSet.of(Purpose.COORDINATION_OF_COMPENSATION), EnumSet.of(InformationType.SJP), false);
        agreement.sign(Agreement.Party.ORGANISATION, TODAY.minusDays(9));
        agreement.sign(Agreement.Party.AGENCY, TODAY.minusDays(9));
        return agreement;
    }

    private static WebUser decidedToday() {
        return new WebUser(INSURER, "191212121212", "Handläggare", "Chef", TODAY);
    }

    private static Optional<RefusalCode> access(WebUser user, Agreement agreement, LocalDate day) {
        return ConnectionCheck.webUserAccess(user, Optional.ofNullable(agreement), day).map(r -> r.code());
    }

    @Test
    void aLiveDecisionAtAConnectedOrganisationCoveringTheWeb() {
        WebUser user = decidedToday();
        Agreement web = inForce(EnumSet.of(ServiceInterface.WEB));
        assertEquals(Optional.empty(), access(user, web, TODAY));
        assertEquals(Optional.of(RefusalCode.USER_NOT_AUTHORISED), access(user, web, TODAY.minusDays(1)), "before the decision");
        assertEquals(Optional.of(RefusalCode.INTERFACE_NOT_COVERED), access(user, inForce(EnumSet.of(ServiceInterface.SYSTEM_TO_SYSTEM)), TODAY));
        assertEquals(Optional.of(RefusalCode.NOT_CONNECTED), access(user, null, TODAY));
    }

    @Test
    void deregistrationFromADateTodayIncluded() {
        Agreement web = inForce(EnumSet.of(ServiceInterface.WEB));
        WebUser user = decidedToday();
        assertEquals(LifecycleException.Code.DATE_IN_PAST,
                assertThrows(LifecycleException.class, () -> user.deregisterFrom(TODAY.minusDays(1), TODAY)).code());
        user.deregisterFrom(TODAY.plusDays(5), TODAY);
        assertEquals(Optional.empty(), access(user, web, TODAY.plusDays(4)));
        assertEquals(Optional.of(RefusalCode.USER_DEREGISTERED), access(user, web, TODAY.plusDays(5)));
        user.deregisterFrom(TODAY, TODAY);
        assertEquals(Optional.of(RefusalCode.USER_DEREGISTERED), access(user, web, TODAY), "an earlier date takes over, at once for today");
        assertEquals(LifecycleException.Code.ALREADY_DEREGISTERED,
                assertThrows(LifecycleException.class, () -> user.deregisterFrom(TODAY.plusDays(1), TODAY)).code());
    }

    @Test
    void terminationTakesTheUsersAccessFromItsDate() {
        Agreement web = inForce(EnumSet.of(ServiceInterface.WEB));
        web.terminateFrom(TODAY.plusDays(2), TODAY);
        WebUser user = decidedToday();
        assertTrue(access(user, web, TODAY.plusDays(1)).isEmpty());
        assertEquals(Optional.of(RefusalCode.AGREEMENT_TERMINATED), access(user, web, TODAY.plusDays(2)));
    }
}
