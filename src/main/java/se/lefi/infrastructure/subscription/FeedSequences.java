package se.lefi.infrastructure.subscription;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sequence numbers handed out in organisations' feeds during one transaction, under the dispatch
 * lock: each feed is locked and read once, and its last number written back once, by {@link #write()}.
 */
public final class FeedSequences {
    private final Connection connection;
    private final Map<Long, Long> last = new HashMap<>();

    public FeedSequences(Connection connection) {
        this.connection = connection;
    }

    public long next(long organisationId) throws SQLException {
        Long previous = last.get(organisationId);
        if (previous == null) {
            previous = SubscriptionStore.lockFeed(connection, organisationId).lastSequence();
        }
        last.put(organisationId, previous + 1);
        return previous + 1;
    }

    public void write() throws SQLException {
        for (Map.Entry<Long, Long> feed : last.entrySet()) {
            SubscriptionStore.setLastSequence(connection, feed.getKey(), feed.getValue());
        }
    }
}
