package se.lefi.domain.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.Sgi;

class SubscriptionScopeTest {
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final SubscriptionScope SCOPE = new SubscriptionScope(Set.of(InformationType.SJP, InformationType.SGI), FROM);

    @Test
    void coversTheSubscribedTypesFromTheFromDate() {
        assertTrue(SCOPE.covers(InformationType.SJP, FROM));
        assertTrue(SCOPE.covers(InformationType.SJP, FROM.plusYears(1)));
        assertFalse(SCOPE.covers(InformationType.SJP, FROM.minusDays(1)), "ends before the from-date");
        assertFalse(SCOPE.covers(InformationType.FP, FROM.plusDays(1)), "not subscribed");
        assertTrue(SCOPE.covers(InformationType.SGI, null));
        assertFalse(SCOPE.covers(null, FROM));
    }

    @Test
    void aNewItemInScopeIsNew() {
        assertEquals(NotificationContent.ChangeType.NEW, SCOPE.changeType(payment(InformationType.SJP, FROM.plusDays(30)), null, null, false));
    }

    @Test
    void anItemThatEntersTheScopeIsNewAndOneThatStaysIsChanged() {
        RegisterChange inScope = payment(InformationType.SJP, FROM.plusDays(30));
        assertEquals(NotificationContent.ChangeType.NEW, SCOPE.changeType(inScope, InformationType.SJP, FROM.minusDays(5), true));
        assertEquals(NotificationContent.ChangeType.NEW, SCOPE.changeType(inScope, InformationType.FP, FROM.plusDays(5), true));
        assertEquals(NotificationContent.ChangeType.CHANGED, SCOPE.changeType(inScope, InformationType.SJP, FROM, true));
    }

    @Test
    void anItemThatLeavesTheScopeIsRemovedAndOneNeverInItIsNotSent() {
        RegisterChange outside = payment(InformationType.SJP, FROM.minusDays(1));
        assertEquals(NotificationContent.ChangeType.REMOVED, SCOPE.changeType(outside, InformationType.SJP, FROM.plusDays(3), true));
        assertNull(SCOPE.changeType(outside, InformationType.SJP, FROM.minusDays(3), true));
        assertNull(SCOPE.changeType(payment(InformationType.FP, FROM.plusDays(30)), null, null, false));
    }

    @Test
    void anSgiChangeResendsTheSgiWheneverSgiIsSubscribed() {
        RegisterChange sgi = RegisterChange.of(new Sgi("S1", "193001010002", FROM.minusYears(3), "ANSTALLD", BigDecimal.TEN, List.of()));
        assertEquals(NotificationContent.ChangeType.CHANGED, SCOPE.changeType(sgi, null, null, false));
        assertNull(new SubscriptionScope(Set.of(InformationType.SJP), FROM).changeType(sgi, null, null, false));
    }

    private static RegisterChange payment(InformationType benefit, LocalDate tom) {
        return RegisterChange.of(new Payment("P1", "193001010002", benefit, tom.plusDays(5), tom.minusDays(29), tom,
                BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("9")));
    }
}
