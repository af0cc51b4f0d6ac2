package se.lefi.domain.subscription;

import java.time.Instant;
import java.time.LocalDate;
import se.lefi.domain.register.InformationType;

/**
 * A change as the register recorded it: its number, the person, the item's new version, what the item
 * was before (its type and end, null for a new item), the change itself and its register time.
 */
public record RecordedChange(long number, String personId, int version, InformationType previousType, LocalDate previousEnd,
                             RegisterChange change, Instant recordedAt) {
}
