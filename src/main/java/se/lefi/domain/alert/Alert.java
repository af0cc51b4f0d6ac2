package se.lefi.domain.alert;

import java.time.Instant;

/**
 * One alert: the rule, the caller (an organisation by number, a certificate by fingerprint, or a web user
 * by the id of its access-rights decision: never a personnummer), the window, and what was observed against
 * which threshold. {@code id} is null before it is stored.
 */
public record Alert(Long id, String rule, String subjectKind, String subject, String organisationNumber, Instant windowStart,
                    Instant windowEnd, long observed, String threshold, Instant raisedAt) {
}
