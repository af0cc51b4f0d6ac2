package se.lefi.domain.access;

import se.lefi.domain.shared.Refusal;

import static se.lefi.domain.access.AccessStep.*;

import java.util.List;
import java.util.Optional;

/**
 * Which of the {@link AccessStep}s each way in runs, always in the steps' own order, and the running.
 * Adding a refusal is one step (or one check in a step) and one code; adding a way in is one list here.
 */
public final class AccessPipeline {
    /** GetBenefitInformation over LEFI Online, its REST twin and the web; a subscription order's first person. */
    public static final List<AccessStep> QUESTION = List.of(CERTIFICATE, CALLER, CONNECTED, SERVICE_OPEN, INPUT, REPRESENTATION,
            PRINCIPAL_CONNECTED, PERIOD_LENGTH, LEGAL_BASIS, CONSENT_OR_CASE, TYPES);
    /** A question under an actor: LEFI Förmånsinformation v9, and inside SSBTEK (which adds a submission). */
    public static final List<AccessStep> ACTOR_QUESTION = List.of(CERTIFICATE, CALLER, CONNECTED, SERVICE_OPEN, ACTOR, SUBMITTER, INPUT,
            CASE_SCOPE, REPRESENTATION, PRINCIPAL_CONNECTED, PERIOD_LENGTH, LEGAL_BASIS, CONSENT_OR_CASE, TYPES);
    /** A subscription order's next person: only the person differs from the first, so only the input is checked again. */
    public static final List<AccessStep> NEXT_PERSON_OF_ORDER = List.of(INPUT);
    /** A notification's re-check, for the subscriber on the day it is produced (its period was checked when ordered). */
    public static final List<AccessStep> NOTIFICATION_RECHECK = List.of(CERTIFICATE, CALLER, CONNECTED, REPRESENTATION, PRINCIPAL_CONNECTED,
            LEGAL_BASIS, CONSENT_OR_CASE, TYPES);
    /** Ping, and SSBTEK's probe. */
    public static final List<AccessStep> PING = List.of(CERTIFICATE, CALLER, CONNECTED);
    /** GetAvailableInformationTypes. */
    public static final List<AccessStep> AVAILABLE_TYPES = List.of(CERTIFICATE, CALLER, CONNECTED, INPUT, REPRESENTATION, PRINCIPAL_CONNECTED);
    /** v9's available information types for an actor: those its questions could get. */
    public static final List<AccessStep> ACTOR_AVAILABLE_TYPES = List.of(CERTIFICATE, CALLER, CONNECTED, ACTOR, REPRESENTATION,
            PRINCIPAL_CONNECTED, LEGAL_BASIS);
    /** A subscription's other operations (the feed, acknowledgements, withdrawals, the daily file): who asks, for whom. */
    public static final List<AccessStep> SUBSCRIPTION = List.of(CERTIFICATE, CALLER, CONNECTED, INPUT, REPRESENTATION, PRINCIPAL_CONNECTED);

    /** Every way in, by name, for the README's table. */
    public static final List<Way> WAYS = List.of(new Way("question", QUESTION), new Way("actor question (v9, SSBTEK)", ACTOR_QUESTION),
            new Way("order's next person", NEXT_PERSON_OF_ORDER), new Way("notification re-check", NOTIFICATION_RECHECK),
            new Way("Ping", PING), new Way("available types", AVAILABLE_TYPES), new Way("actor's available types", ACTOR_AVAILABLE_TYPES),
            new Way("subscription operation", SUBSCRIPTION));

    public record Way(String name, List<AccessStep> steps) {
    }

    /** Granted, or refused at a step with its refusal. */
    public record Decision(AccessStep refusedAt, Refusal refusal) {
        static final Decision GRANTED = new Decision(null, null);

        public boolean granted() {
            return refusal == null;
        }
    }

    private AccessPipeline() {
    }

    /** Runs {@code steps} over {@code check} in order; the first refusal ends it. */
    public static Decision decide(List<AccessStep> steps, AccessCheck check) {
        for (AccessStep step : steps) {
            Optional<Refusal> refusal = step.check(check);
            if (refusal.isPresent()) {
                return new Decision(step, refusal.get());
            }
        }
        return Decision.GRANTED;
    }
}
