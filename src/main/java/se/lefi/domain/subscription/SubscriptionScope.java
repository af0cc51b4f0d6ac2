package se.lefi.domain.subscription;

import java.time.LocalDate;
import java.util.Set;
import se.lefi.domain.register.InformationType;

/**
 * What a subscription covers: the granted information types, from its from-date on. A decision or
 * payment is covered while its benefit is granted and its period reaches the from-date; SGI follows
 * the question's rule (those set from the from-date, and the one in force at it), so a change to any
 * SGI resends the covered SGI whole.
 */
public record SubscriptionScope(Set<InformationType> types, LocalDate from) {
    /** The register's open end, for reading "everything from the from-date". */
    public static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    public SubscriptionScope {
        types = Set.copyOf(types);
    }

    /** Whether an item of {@code type} whose period ends on {@code end} (null for SGI) is covered. */
    public boolean covers(InformationType type, LocalDate end) {
        if (type == null || !types.contains(type)) {
            return false;
        }
        return end == null || !end.isBefore(from);
    }

    /**
     * How a change reaches a subscriber with this scope, or null when it does not: NEW when the item
     * enters the scope, CHANGED when it was and stays in it, REMOVED when it leaves it.
     */
    public NotificationContent.ChangeType changeType(RegisterChange change, InformationType previousType, LocalDate previousEnd,
                                                     boolean hadPrevious) {
        boolean now = covers(change.informationType(), change.end());
        boolean before = hadPrevious && covers(previousType, previousEnd);
        if (change.kind() == RegisterChange.ItemKind.SGI) {
            return now ? NotificationContent.ChangeType.CHANGED : null;
        }
        if (now) {
            return before ? NotificationContent.ChangeType.CHANGED : NotificationContent.ChangeType.NEW;
        }
        return before ? NotificationContent.ChangeType.REMOVED : null;
    }
}
