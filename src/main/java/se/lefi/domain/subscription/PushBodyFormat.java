package se.lefi.domain.subscription;

/**
 * The body a push carries: the batch in the pull feed's form, which the interface that serves the feed
 * owns, so a receiver gets exactly what a reader of the feed would.
 */
public interface PushBodyFormat {
    String body(PushBatch batch);
}
