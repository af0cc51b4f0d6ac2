package se.lefi.application.subscription;

import java.util.HashMap;
import java.util.Map;
import se.lefi.domain.subscription.NotificationFeeds;

/**
 * Sequence numbers handed out in organisations' feeds during one transaction, under the dispatch
 * lock: each feed is locked and read once, and its last number written back once, by {@link #write()}.
 */
final class FeedSequences {
    private final NotificationFeeds feeds;
    private final Map<Long, Long> last = new HashMap<>();

    FeedSequences(NotificationFeeds feeds) {
        this.feeds = feeds;
    }

    long next(long organisationId) {
        Long previous = last.get(organisationId);
        if (previous == null) {
            previous = feeds.lock(organisationId).lastSequence();
        }
        last.put(organisationId, previous + 1);
        return previous + 1;
    }

    void write() {
        for (Map.Entry<Long, Long> feed : last.entrySet()) {
            feeds.setLastSequence(feed.getKey(), feed.getValue());
        }
    }
}
