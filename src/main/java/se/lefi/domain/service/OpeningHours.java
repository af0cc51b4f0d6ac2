package se.lefi.domain.service;

import se.lefi.domain.time.SwedishTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opening hours of the service (öppettider, from the SLA), in Swedish time: for each weekday the
 * periods in which questions are answered. Written as {@code MON-FRI 06:00-22:00; SAT-SUN 08:00-18:00};
 * 24:00 is the end of the day, and a day not named is closed.
 */
public final class OpeningHours {
    public static final ZoneId SWEDISH_TIME = SwedishTime.ZONE;
    private static final Pattern ENTRY = Pattern.compile("([A-Z]{3})(?:-([A-Z]{3}))?\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    public static final OpeningHours ALWAYS = parse("MON-SUN 00:00-24:00");

    /** One opening period of a day; {@code end} null means to midnight. */
    private record Period(LocalTime start, LocalTime end) {
        boolean contains(LocalTime time) {
            return !time.isBefore(start) && (end == null || time.isBefore(end));
        }
    }

    private final Map<DayOfWeek, List<Period>> days;
    private final String text;

    private OpeningHours(Map<DayOfWeek, List<Period>> days, String text) {
        this.days = days;
        this.text = text;
    }

    /** Parses the configured text; throws IllegalArgumentException saying what is wrong. */
    public static OpeningHours parse(String text) {
        Map<DayOfWeek, List<Period>> days = new EnumMap<>(DayOfWeek.class);
        for (String part : text.trim().split("\\s*;\\s*")) {
            Matcher m = ENTRY.matcher(part.toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException("opening hours: '" + part + "' is not DAY[-DAY] HH:MM-HH:MM");
            }
            DayOfWeek first = day(m.group(1));
            DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
            LocalTime start = time(m.group(3), false);
            LocalTime end = time(m.group(4), true);
            if (end != null && !end.isAfter(start)) {
                throw new IllegalArgumentException("opening hours: '" + part + "' ends before it starts");
            }
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.computeIfAbsent(d, k -> new ArrayList<>()).add(new Period(start, end));
                if (d == last) {
                    break;
                }
            }
        }
        return new OpeningHours(days, text.trim());
    }

    public boolean isOpen(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, SWEDISH_TIME);
        return days.getOrDefault(local.getDayOfWeek(), List.of()).stream().anyMatch(p -> p.contains(local.toLocalTime()));
    }

    /** When the service next opens after {@code at} (within a week), if it is closed then. */
    public Optional<Instant> nextOpening(Instant at) {
        ZonedDateTime local = at.atZone(SWEDISH_TIME);
        for (int day = 0; day <= 7; day++) {
            ZonedDateTime date = local.toLocalDate().plusDays(day).atStartOfDay(SWEDISH_TIME);
            for (Period p : days.getOrDefault(date.getDayOfWeek(), List.of())) {
                Instant start = date.toLocalDate().atTime(p.start()).atZone(SWEDISH_TIME).toInstant();
                if (start.isAfter(at)) {
                    return Optional.of(start);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation)) {
                return d;
            }
        }
        throw new IllegalArgumentException("opening hours: no weekday " + abbreviation + " (MON, TUE, ..., SUN)");
    }

    private static LocalTime time(String text, boolean end) {
        if (end && text.equals("24:00")) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("opening hours: " + text + " is not a time HH:MM");
        }
    }
}
