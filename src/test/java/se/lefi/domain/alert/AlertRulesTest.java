package se.lefi.domain.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.lefi.domain.alert.AlertRules.Rule;
import se.lefi.domain.alert.AlertRules.Tripped;

/** Each rule trips just past its threshold and not at it. */
class AlertRulesTest {
    /** Buckets of 10 minutes; the rate baseline 7 days (1,008 buckets). */
    private static final AlertRules RULES = new AlertRules(Duration.ofMinutes(10), Duration.ofDays(7), 5, 200,
            Duration.ofMinutes(60), 50, 20, 0.9, Duration.ofDays(14), 500, 5);

    @Test
    void theRateTripsAboveFactorTimesTheBaselineAndTheMinimum() {
        assertEquals(1008, RULES.rateBaselineBuckets());
        long baseline = 1008 * 100; // 100 per bucket on average
        assertEquals(Optional.empty(), RULES.rate(500, baseline), "exactly 5 times is not above");
        assertEquals(Optional.of(new Tripped(Rule.RATE_ABOVE_BASELINE, 501,
                "more than 5.0 × the baseline's 100.00 questions per 10 minutes, and at least 200")), RULES.rate(501, baseline));
        assertEquals(Optional.empty(), RULES.rate(199, 0), "below the minimum a new caller does not trip");
        assertEquals(Optional.of(new Tripped(Rule.RATE_ABOVE_BASELINE, 200,
                "more than 5.0 × the baseline's 0.00 questions per 10 minutes, and at least 200")), RULES.rate(200, 0));
    }

    @Test
    void manyPersonsTripsAboveTheMaximum() {
        assertEquals(Optional.empty(), RULES.persons(50));
        assertEquals(Optional.of(new Tripped(Rule.MANY_PERSONS, 51, "more than 50 distinct persons in 60 minutes")), RULES.persons(51));
    }

    @Test
    void aRefusalRunNeedsTheMinimumAndTheShare() {
        assertEquals(Optional.empty(), RULES.refusals(19, 19), "below the minimum");
        assertEquals(Optional.empty(), RULES.refusals(100, 20), "a caller with many granted questions is not probing");
        assertEquals(Optional.of(new Tripped(Rule.REFUSAL_RUN, 20,
                "at least 20 refusals in 10 minutes, 90% of the certificate's questions or more")), RULES.refusals(22, 20));
    }

    @Test
    void outsideUsualHoursNeedsAnEstablishedBaselineAndAnUnusedHour() {
        assertEquals(Optional.empty(), RULES.hours(5, 499, 0), "no usual hours yet");
        assertEquals(Optional.empty(), RULES.hours(5, 5000, 1), "the hour has been used");
        assertEquals(Optional.empty(), RULES.hours(4, 5000, 0), "below the minimum");
        assertEquals(Optional.of(new Tripped(Rule.OUTSIDE_USUAL_HOURS, 5,
                "no questions in this hour in the last 14 days (5000 at other hours), and at least 5 now")), RULES.hours(5, 5000, 0));
    }

    @Test
    void bucketsAndWindowsAreAlignedAndHoursAreSwedish() {
        assertEquals(Instant.parse("2026-11-30T10:10:00Z"), RULES.bucketOf(Instant.parse("2026-11-30T10:19:59.999Z")));
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), RULES.personsWindowOf(Instant.parse("2026-11-30T10:59:00Z")));
        assertEquals(3, AlertRules.hourOfDay(Instant.parse("2026-11-30T02:30:00Z")), "UTC+1 in winter");
        assertEquals(4, AlertRules.hourOfDay(Instant.parse("2026-06-30T02:30:00Z")), "UTC+2 in summer");
    }
}
