package se.lefi.domain.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import se.lefi.domain.identity.PersonId;

/**
 * The anomaly rules over the audit stream, with their thresholds and windows (config/lefi.properties,
 * {@code lefi.alerts.*}). Misuse of such a service looks like a legitimate caller asking too much or too
 * broadly; each rule looks for one shape of it. Pure: each takes the counts the detector gathered and says
 * whether they trip it. An alert never blocks a question; blocking is an administrator's decision.
 *
 * @param bucket             the counting interval; the rate, refusal and hours rules judge one bucket
 * @param rateBaseline       how far back the caller's own baseline reaches
 * @param rateFactor         how many times the baseline's mean per bucket a bucket must exceed
 * @param rateMinimum        questions in a bucket below which the rate rule never trips
 * @param personsWindow      the window in which one web user's distinct persons are counted
 * @param personsMaximum     distinct persons a web user may ask about in the window before it trips
 * @param refusalsMinimum    refusals from one certificate in a bucket before the refusal rule trips
 * @param refusalsShare      the share of that certificate's questions in the bucket that must be refusals
 * @param hoursBaseline      how far back the caller's usual hours are learnt
 * @param hoursEstablished   questions in that baseline before the caller has usual hours at all
 * @param hoursMinimum       questions in an hour the caller never used before it trips
 */
public record AlertRules(Duration bucket, Duration rateBaseline, double rateFactor, long rateMinimum,
                         Duration personsWindow, long personsMaximum,
                         long refusalsMinimum, double refusalsShare,
                         Duration hoursBaseline, long hoursEstablished, long hoursMinimum) {

    /** The rules, each with the kind of caller it watches. */
    public enum Rule {
        /** A question rate far above the caller's own baseline (per organisation). */
        RATE_ABOVE_BASELINE,
        /** One web user asking about many distinct persons. */
        MANY_PERSONS,
        /** A run of refusals from one certificate: it looks like probing. */
        REFUSAL_RUN,
        /** Questions in an hour of the day the caller does not otherwise use. */
        OUTSIDE_USUAL_HOURS
    }

    /** What tripped: the rule, what was observed, and the threshold it crossed, in words for the administrator. */
    public record Tripped(Rule rule, long observed, String threshold) {
    }

    /** The start of the bucket {@code at} falls in (buckets are aligned to the epoch). */
    public Instant bucketOf(Instant at) {
        return align(at, bucket);
    }

    public Instant personsWindowOf(Instant at) {
        return align(at, personsWindow);
    }

    private static Instant align(Instant at, Duration size) {
        long seconds = size.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    /** How far back any rule looks: the counts older than this are no one's baseline. */
    public Duration longestBaseline() {
        return rateBaseline.compareTo(hoursBaseline) > 0 ? rateBaseline : hoursBaseline;
    }

    /** How many buckets the rate baseline spans. */
    public long rateBaselineBuckets() {
        return rateBaseline.toSeconds() / bucket.toSeconds();
    }

    /**
     * {@code questions} in one bucket against the caller's baseline: {@code baselineQuestions} over the
     * {@link #rateBaselineBuckets()} buckets before it (a bucket without questions counts as zero).
     */
    public Optional<Tripped> rate(long questions, long baselineQuestions) {
        double mean = (double) baselineQuestions / Math.max(1, rateBaselineBuckets());
        if (questions >= rateMinimum && questions > rateFactor * mean) {
            return Optional.of(new Tripped(Rule.RATE_ABOVE_BASELINE, questions, String.format(java.util.Locale.ROOT,
                    "more than %.1f × the baseline's %.2f questions per %d minutes, and at least %d", rateFactor, mean,
                    bucket.toMinutes(), rateMinimum)));
        }
        return Optional.empty();
    }

    /** One web user's distinct persons in a window. */
    public Optional<Tripped> persons(long distinctPersons) {
        return distinctPersons > personsMaximum
                ? Optional.of(new Tripped(Rule.MANY_PERSONS, distinctPersons, "more than " + personsMaximum + " distinct persons in "
                        + personsWindow.toMinutes() + " minutes"))
                : Optional.empty();
    }

    /** One certificate's questions and refusals in a bucket. */
    public Optional<Tripped> refusals(long questions, long refusals) {
        return refusals >= refusalsMinimum && refusals >= refusalsShare * questions
                ? Optional.of(new Tripped(Rule.REFUSAL_RUN, refusals, "at least " + refusalsMinimum + " refusals in "
                        + bucket.toMinutes() + " minutes, " + Math.round(refusalsShare * 100) + "% of the certificate's questions or more"))
                : Optional.empty();
    }

    /**
     * One organisation's questions in a bucket, against its baseline: all its questions in
     * {@link #hoursBaseline()} before the bucket, and those in the same hour of the (Swedish) day.
     */
    public Optional<Tripped> hours(long questions, long baselineQuestions, long baselineInThisHour) {
        return baselineQuestions >= hoursEstablished && baselineInThisHour == 0 && questions >= hoursMinimum
                ? Optional.of(new Tripped(Rule.OUTSIDE_USUAL_HOURS, questions, "no questions in this hour in the last "
                        + hoursBaseline.toDays() + " days (" + baselineQuestions + " at other hours), and at least " + hoursMinimum + " now"))
                : Optional.empty();
    }

    /** The start of the Swedish hour {@code at} falls in. */
    public static Instant startOfHour(Instant at) {
        return at.atZone(PersonId.SWEDEN).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toInstant();
    }

    /** The hour of the Swedish day {@code at} falls in. */
    public static int hourOfDay(Instant at) {
        return at.atZone(PersonId.SWEDEN).getHour();
    }
}
