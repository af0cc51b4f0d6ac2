package se.lefi.application.service;

import se.lefi.domain.time.SwedishTime;
import se.lefi.application.access.ServiceHours;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import se.lefi.domain.service.ServiceWindows;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.metrics.ServiceLevelMeter;
import se.lefi.infrastructure.metrics.ServiceLevelRecorder;

/**
 * The monthly SLA report from the minutes every node stored: per interface the requests, the failures
 * (SERVICE_UNAVAILABLE), the response-time percentiles and the availability. Availability counts the
 * service minutes (inside the opening hours and outside planned maintenance) since measuring began:
 * a minute is available when some node was up, and for an interface also when none of its requests
 * failed in it.
 */
@Stateless
public class ServiceLevelReport {
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    ServiceHours serviceHours;

    public record InterfaceLevel(String interfaceName, long requests, long failures, double availabilityPercent,
                                 Double p50Millis, Double p95Millis, Double p99Millis) {}

    /** The month's report; {@code days} holds the same figures for each Swedish day with service minutes, for charts. */
    public record Report(YearMonth month, Instant measuredFrom, Instant measuredTo, long serviceMinutes, long minutesUp,
                         double availabilityPercent, List<InterfaceLevel> interfaces, List<DayLevel> days) {}

    /** One Swedish day of the month: availability over its service minutes, and each interface's levels in it. */
    public record DayLevel(LocalDate day, long serviceMinutes, double availabilityPercent, List<InterfaceLevel> interfaces) {}

    private static final class Level {
        long requests;
        long failures;
        final Set<Instant> failedMinutes = new HashSet<>();
        final Histogram latency = ServiceLevelMeter.latencyHistogram();

        void add(Instant minute, long minuteRequests, long minuteFailures, Histogram minuteLatency) {
            requests += minuteRequests;
            failures += minuteFailures;
            if (minuteFailures > 0) {
                failedMinutes.add(minute);
            }
            if (minuteLatency != null) {
                latency.add(minuteLatency);
            }
        }
    }

    public Report report(YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay(SwedishTime.ZONE).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(SwedishTime.ZONE).toInstant();
        Set<Instant> up = new HashSet<>();
        Map<String, Level> levels = new TreeMap<>();
        Map<LocalDate, Map<String, Level>> daily = new TreeMap<>();
        Instant first = null;
        Instant last = null;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT MINUTE_START, INTERFACE_NAME, REQUESTS, FAILURES, LATENCY"
                     + " FROM SERVICE_LEVEL_MINUTE WHERE MINUTE_START >= ? AND MINUTE_START < ?")) {
            s.setObject(1, start.atOffset(ZoneOffset.UTC));
            s.setObject(2, end.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant minute = rs.getObject(1, OffsetDateTime.class).toInstant();
                    first = first == null || minute.isBefore(first) ? minute : first;
                    last = last == null || minute.isAfter(last) ? minute : last;
                    String interfaceName = rs.getString(2);
                    if (interfaceName.equals(ServiceLevelRecorder.NODE_UP)) {
                        up.add(minute);
                        continue;
                    }
                    long requests = rs.getLong(3);
                    long failures = rs.getLong(4);
                    String latency = rs.getString(5);
                    Histogram minuteLatency = latency == null ? null : ServiceLevelRecorder.decode(latency);
                    levels.computeIfAbsent(interfaceName, k -> new Level()).add(minute, requests, failures, minuteLatency);
                    daily.computeIfAbsent(day(minute), k -> new TreeMap<>()).computeIfAbsent(interfaceName, k -> new Level())
                            .add(minute, requests, failures, minuteLatency);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the service-level minutes could not be read", e);
        }
        // Through the last minute stored, and any minute that should have been stored by now (a node
        // stores a minute two seconds after it ends): a minute no node stored was down.
        Instant settled = Instant.now().minusSeconds(65).truncatedTo(ChronoUnit.MINUTES);
        Instant through = last == null || last.plus(1, ChronoUnit.MINUTES).isBefore(settled) ? settled : last.plus(1, ChronoUnit.MINUTES);
        Instant to = end.isBefore(through) ? end : through;
        List<Instant> serviceMinutes = new ArrayList<>();
        if (first != null) {
            ServiceWindows windows = serviceHours.windowsDuring(first, to);
            for (Instant m = first; m.isBefore(to); m = m.plus(1, ChronoUnit.MINUTES)) {
                if (windows.closedAt(m).isEmpty()) {
                    serviceMinutes.add(m);
                }
            }
        }
        long minutesUp = serviceMinutes.stream().filter(up::contains).count();
        Map<LocalDate, List<Instant>> serviceMinutesByDay = new TreeMap<>();
        for (Instant m : serviceMinutes) {
            serviceMinutesByDay.computeIfAbsent(day(m), k -> new ArrayList<>()).add(m);
        }
        List<DayLevel> days = new ArrayList<>();
        serviceMinutesByDay.forEach((day, minutes) -> days.add(new DayLevel(day, minutes.size(),
                percent(minutes.stream().filter(up::contains).count(), minutes.size()),
                interfaceLevels(daily.getOrDefault(day, Map.of()), minutes, up))));
        return new Report(month, first, first == null ? null : to, serviceMinutes.size(), minutesUp,
                percent(minutesUp, serviceMinutes.size()), interfaceLevels(levels, serviceMinutes, up), days);
    }

    /** Each interface's levels over the given service minutes: a minute is available when a node was up and none of its requests failed. */
    private static List<InterfaceLevel> interfaceLevels(Map<String, Level> levels, List<Instant> serviceMinutes, Set<Instant> up) {
        List<InterfaceLevel> interfaces = new ArrayList<>();
        levels.forEach((name, level) -> interfaces.add(new InterfaceLevel(name, level.requests, level.failures,
                percent(serviceMinutes.stream().filter(m -> up.contains(m) && !level.failedMinutes.contains(m)).count(), serviceMinutes.size()),
                millis(level.latency, 50), millis(level.latency, 95), millis(level.latency, 99))));
        return interfaces;
    }

    private static LocalDate day(Instant minute) {
        return LocalDate.ofInstant(minute, LefiConfiguration.SWEDEN);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 100.0 : Math.round(part * 100_000.0 / whole) / 1000.0;
    }

    private static Double millis(Histogram latency, double percentile) {
        return latency.getTotalCount() == 0 ? null : latency.getValueAtPercentile(percentile) / 1000.0;
    }
}
