package se.lefi.domain.time;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Swedish time: the agency's calendar days (of questions, agreements, terminations, reports) and the
 * times its contracts state are Swedish, whatever zone the server runs in.
 */
public final class SwedishTime {
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private SwedishTime() {
    }

    public static Clock clock() {
        return Clock.system(ZONE);
    }
}
