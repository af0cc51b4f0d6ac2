package se.lefi.domain.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned maintenance window (planerat underhåll): from {@code start} (inclusive) to {@code end}
 * (exclusive) no questions are answered. The reason is shown to callers and administrators, so it is
 * a short public text.
 */
public record MaintenanceWindow(Long id, Instant start, Instant end, String reason) {
    public static final int MAX_REASON = 200;

    public MaintenanceWindow {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a maintenance window ends after it starts");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a maintenance window has a reason of 1 to " + MAX_REASON + " characters on one line");
        }
    }

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /**
     * Windows planned in configuration: {@code FROM/TO reason; FROM/TO reason}, local date-times in
     * Swedish time, e.g. {@code 2026-12-24T06:00/2026-12-24T09:00 Uppgradering}.
     */
    public static List<MaintenanceWindow> parseConfigured(String text) {
        List<MaintenanceWindow> windows = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return windows;
        }
        for (String part : text.trim().split("\\s*;\\s*")) {
            String[] fields = part.split("\\s+", 2);
            String[] range = fields[0].split("/");
            if (range.length != 2 || fields.length != 2) {
                throw new IllegalArgumentException("maintenance window: '" + part + "' is not FROM/TO reason");
            }
            try {
                windows.add(new MaintenanceWindow(null, local(range[0]), local(range[1]), fields[1]));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("maintenance window: '" + part + "' has no date-times YYYY-MM-DDTHH:MM");
            }
        }
        return windows;
    }

    private static Instant local(String text) {
        return LocalDateTime.parse(text).atZone(OpeningHours.SWEDISH_TIME).toInstant();
    }
}
