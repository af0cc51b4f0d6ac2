package se.lefi.application.access;

import se.lefi.domain.shared.Refusal;

/**
 * The result of one question: either a value or a refusal, with the request id under which it was
 * audited. Refusals are values, not exceptions, so the audit record commits with them.
 */
public record Outcome<T>(String requestId, T value, Refusal refusal) {

    public static <T> Outcome<T> granted(String requestId, T value) {
        return new Outcome<>(requestId, value, null);
    }

    public static <T> Outcome<T> refused(String requestId, Refusal refusal) {
        return new Outcome<>(requestId, null, refusal);
    }

    public boolean isGranted() {
        return refusal == null;
    }
}
