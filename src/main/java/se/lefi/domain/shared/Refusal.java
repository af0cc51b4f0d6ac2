package se.lefi.domain.shared;

import java.util.Objects;

/**
 * A decision not to answer. The message is fixed text chosen by the code, so nothing the caller
 * sent (a personnummer, say) can be echoed back.
 */
public record Refusal(RefusalCode code, String message) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Refusal of(RefusalCode code) {
        return new Refusal(code, code.defaultMessage());
    }
}
