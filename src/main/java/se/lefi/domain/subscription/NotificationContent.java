package se.lefi.domain.subscription;

import java.util.List;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonInformation;
import se.lefi.domain.register.Sgi;

/**
 * What one notification tells a subscriber about one person.
 * <ul>
 *   <li>{@code INITIAL} and {@code FULL_UPDATE}: everything covered from the from-date; it replaces
 *       what the subscriber held about the person.</li>
 *   <li>{@code CHANGE} of a decision or payment: the item's new version ({@code NEW},
 *       {@code CHANGED}), or only its id when it left the scope ({@code REMOVED}).</li>
 *   <li>{@code CHANGE} of an SGI: every covered SGI, replacing those held (the one in force at the
 *       from-date may change with it).</li>
 * </ul>
 */
public record NotificationContent(Kind kind, RegisterChange.ItemKind itemKind, String itemId, ChangeType change,
                                  PersonInformation person, List<Decision> decisions, List<Payment> payments, List<Sgi> sgi) {

    public enum Kind { INITIAL, FULL_UPDATE, CHANGE }

    public enum ChangeType { NEW, CHANGED, REMOVED }

    public NotificationContent {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        payments = payments == null ? List.of() : List.copyOf(payments);
        sgi = sgi == null ? List.of() : List.copyOf(sgi);
    }

    public static NotificationContent snapshot(Kind kind, PersonInformation person, List<Decision> decisions,
                                               List<Payment> payments, List<Sgi> sgi) {
        return new NotificationContent(kind, null, null, null, person, decisions, payments, sgi);
    }

    public static NotificationContent change(RegisterChange change, ChangeType type, List<Sgi> coveredSgi) {
        return switch (change.kind()) {
            case DECISION -> new NotificationContent(Kind.CHANGE, change.kind(), change.itemId(), type, null,
                    type == ChangeType.REMOVED ? List.of() : List.of(change.decision()), null, null);
            case PAYMENT -> new NotificationContent(Kind.CHANGE, change.kind(), change.itemId(), type, null, null,
                    type == ChangeType.REMOVED ? List.of() : List.of(change.payment()), null);
            case SGI -> new NotificationContent(Kind.CHANGE, change.kind(), change.itemId(), type, null, null, null, coveredSgi);
        };
    }
}
