package se.lefi.domain.subscription;

import java.time.Instant;

/**
 * An organisation's feed of notifications: the last sequence number handed out, the position its
 * reader acknowledged, and push delivery to its own endpoint (the position pushed, and the failures
 * since the last success with the back-off's next attempt).
 */
public record NotificationFeed(long organisationId, long lastSequence, long acknowledged, String pushUrl, long pushed,
                               int pushFailures, Instant pushNextAttempt, String pushLastError, Instant pushLastErrorAt) {

    /** The feed of an organisation that has had no subscription yet. */
    public static NotificationFeed empty(long organisationId) {
        return new NotificationFeed(organisationId, 0, 0, null, 0, 0, null, null, null);
    }

    /** Whether the back-off after a failed push has passed at {@code now}. */
    public boolean pushDue(Instant now) {
        return pushNextAttempt == null || !now.isBefore(pushNextAttempt);
    }
}
