package se.lefi.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceWindowsTest {
    private static final OpeningHours WEEKDAYS = OpeningHours.parse("MON-FRI 06:00-22:00; SAT 08:00-12:00");

    private static Instant swedish(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OpeningHours.SWEDISH_TIME).toInstant();
    }

    @Test
    void openingHoursAreSwedishTimeWithTheEndExclusive() {
        // 2026-11-23 is a Monday; Swedish winter time is UTC+1.
        assertTrue(WEEKDAYS.isOpen(swedish("2026-11-23T06:00")));
        assertFalse(WEEKDAYS.isOpen(swedish("2026-11-23T05:59")));
        assertFalse(WEEKDAYS.isOpen(swedish("2026-11-23T22:00")));
        assertTrue(WEEKDAYS.isOpen(Instant.parse("2026-11-23T20:59:00Z")));
        assertTrue(WEEKDAYS.isOpen(swedish("2026-11-28T11:59")));
        assertFalse(WEEKDAYS.isOpen(swedish("2026-11-29T10:00")), "Sunday is not named, so closed");
        assertTrue(OpeningHours.ALWAYS.isOpen(swedish("2026-11-29T23:59:59")));
    }

    @Test
    void theNextOpeningAfterTheWeekend() {
        assertEquals(swedish("2026-11-30T06:00"), WEEKDAYS.nextOpening(swedish("2026-11-28T13:00")).orElseThrow());
        assertEquals(swedish("2026-11-24T06:00"), WEEKDAYS.nextOpening(swedish("2026-11-23T23:00")).orElseThrow());
    }

    @Test
    void maintenanceClosesInsideTheOpeningHoursAndSaysWhy() {
        MaintenanceWindow upgrade = new MaintenanceWindow(null, swedish("2026-11-24T10:00"), swedish("2026-11-24T11:30"), "Upgrade");
        ServiceWindows windows = new ServiceWindows(WEEKDAYS, List.of(upgrade));
        assertTrue(windows.closedAt(swedish("2026-11-24T09:59")).isEmpty());
        ServiceWindows.Closure closure = windows.closedAt(swedish("2026-11-24T10:00")).orElseThrow();
        assertEquals("Planned maintenance: Upgrade", closure.reason());
        assertEquals(swedish("2026-11-24T11:30"), closure.reopens());
        assertTrue(windows.closedAt(swedish("2026-11-24T11:30")).isEmpty());
        ServiceWindows.Closure night = windows.closedAt(swedish("2026-11-24T23:00")).orElseThrow();
        assertTrue(night.reason().startsWith("Outside the opening hours (MON-FRI 06:00-22:00"), night.reason());
        assertEquals(swedish("2026-11-25T06:00"), night.reopens());
    }

    @Test
    void configuredWindowsAndMistakes() {
        List<MaintenanceWindow> windows = MaintenanceWindow.parseConfigured(
                "2026-12-24T06:00/2026-12-24T09:00 Yearly upgrade; 2027-01-02T00:00/2027-01-02T02:00 Certificates");
        assertEquals(2, windows.size());
        assertEquals("Yearly upgrade", windows.get(0).reason());
        assertEquals(Instant.parse("2026-12-24T05:00:00Z"), windows.get(0).start());
        assertTrue(MaintenanceWindow.parseConfigured(" ").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> MaintenanceWindow.parseConfigured("2026-12-24T06:00 no end"));
        assertThrows(IllegalArgumentException.class, () -> MaintenanceWindow.parseConfigured("2026-12-24T09:00/2026-12-24T06:00 backwards"));
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("MON-FRI 22:00-06:00"));
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("MONDAY 06:00-22:00"));
        assertThrows(IllegalArgumentException.class, () -> OpeningHours.parse("XYZ 06:00-22:00"));
    }
}
