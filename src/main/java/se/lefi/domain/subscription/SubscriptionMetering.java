package se.lefi.domain.subscription;

import java.time.Instant;

/** What the fee model counts of subscriptions, and the SLA's delay from a change to its notification. */
public interface SubscriptionMetering {
    /** Persons with a live subscription of the organisation. */
    long personsMonitored(long organisationId);

    /** The organisation's notifications produced in [from, to). */
    long notificationsBetween(long organisationId, Instant from, Instant to);

    /** For each notification of a change after {@code afterChange}: microseconds from register time to production. */
    long[] changeDelaysMicros(long afterChange);
}
