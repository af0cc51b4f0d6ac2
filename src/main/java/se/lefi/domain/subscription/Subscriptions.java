package se.lefi.domain.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The subscriptions (bevakningar), live and ended. */
public interface Subscriptions {
    /** Stores a new subscription; returns its id. */
    long add(Subscription subscription);

    /** The organisation's live subscription for the person, if any. */
    Optional<Subscription> live(long organisationId, String personId);

    /** Every live subscription for any of {@code personIds}, in id order. */
    List<Subscription> liveFor(Collection<String> personIds);

    /** Live subscriptions, a page at a time from after id {@code afterId}, for the daily stop sweep. */
    List<Subscription> livePage(long afterId, int max);

    /** Ends the subscription on {@code on}, if it is still live, for {@code reason}. */
    void end(long id, LocalDate on, Instant at, String reason);

    /** After a full update: its data is sent from {@code from} and holds the changes up to {@code afterChange}. */
    void resent(long id, LocalDate from, long afterChange);

    /** Marks the organisation's live subscriptions under {@code consentId} withdrawn from {@code from}; returns how many. */
    int withdrawConsent(long organisationId, String consentId, LocalDate from);
}
