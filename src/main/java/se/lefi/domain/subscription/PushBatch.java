package se.lefi.domain.subscription;

import java.util.List;

/** A batch to push: the organisation, its notifications in order, and the last sequence number in it. */
public record PushBatch(String organisationNumber, List<Notification> notifications, long upTo) {
    public PushBatch {
        notifications = List.copyOf(notifications);
    }
}
