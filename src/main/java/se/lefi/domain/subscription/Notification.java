package se.lefi.domain.subscription;

import java.time.Instant;

/**
 * One notification in an organisation's feed (avisering): its place in the feed, the subscription and
 * person it is about, the register change it reports (none for an initial or full update), the
 * register time it reflects, when it was produced, the request id of its audit record, and what it tells.
 */
public record Notification(long sequence, long subscriptionId, String personId, Long changeNumber, Instant registerTime,
                           Instant createdAt, String requestId, NotificationContent content) {
}
