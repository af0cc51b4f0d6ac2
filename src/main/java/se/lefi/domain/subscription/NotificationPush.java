package se.lefi.domain.subscription;

import java.time.Duration;
import java.util.Optional;

/** Push delivery's way out: a body posted to an organisation's own endpoint. */
public interface NotificationPush {
    /** Posts {@code body} to {@code endpoint}; empty when the receiver took it, otherwise why not (a status or an error, never data). */
    Optional<String> send(String endpoint, String body) throws InterruptedException;

    /** The longest one attempt waits for the receiver: to connect, and again to answer. */
    Duration timeout();
}
