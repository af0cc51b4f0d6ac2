package se.lefi.application.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.lefi.domain.audit.AuditRecord;
import se.lefi.domain.subscription.Notification;
import se.lefi.domain.subscription.NotificationContent;
import se.lefi.domain.subscription.NotificationFeeds;
import se.lefi.domain.subscription.Notifications;
import se.lefi.infrastructure.audit.AuditTrail;

/**
 * Writes one transaction's notifications, under the dispatch lock that producers and orders hold:
 * each is appended at its feed's next sequence number and audited by its record. Each feed is locked
 * and read once, and its last number written back once, with the audit records, by {@link Batch#finish()}.
 */
@ApplicationScoped
public class NotificationWriter {
    @Inject
    NotificationFeeds feeds;

    @Inject
    Notifications notifications;

    @Inject
    AuditTrail audit;

    Batch begin() {
        return new Batch();
    }

    final class Batch {
        private final Map<Long, Long> lastSequence = new HashMap<>();
        private final List<AuditRecord> records = new ArrayList<>();

        private Batch() {
        }

        /** Appends a notification to the organisation's feed, disclosed under {@code record}. */
        void append(long organisationId, long subscriptionId, String personId, Long changeNumber, Instant registerTime,
                    Instant createdAt, AuditRecord record, NotificationContent content) {
            notifications.append(organisationId, new Notification(next(organisationId), subscriptionId, personId, changeNumber,
                    registerTime, createdAt, record.requestId(), content));
            records.add(record);
        }

        /** Audits, with the batch, a decision that produced no notification (a refusal). */
        void audit(AuditRecord record) {
            records.add(record);
        }

        void finish() {
            for (Map.Entry<Long, Long> feed : lastSequence.entrySet()) {
                feeds.setLastSequence(feed.getKey(), feed.getValue());
            }
            if (!records.isEmpty()) {
                audit.recordAll(records);
            }
        }

        private long next(long organisationId) {
            Long previous = lastSequence.get(organisationId);
            if (previous == null) {
                previous = feeds.lock(organisationId).lastSequence();
            }
            lastSequence.put(organisationId, previous + 1);
            return previous + 1;
        }
    }
}
