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

    public record Report(YearMonth month, Instant measuredFrom, Instant measuredTo, long serviceMinutes, long minutesUp,
                         double availabilityPercent, List<InterfaceLevel> interfaces) {}

    private static final class Level {
        long requests;
        long failures;
        final Set<Instant> failedMinutes = new HashSet<>();
        final Histogram latency = ServiceLevelMeter.latencyHistogram();
    }

    public Report report(YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay(SwedishTime.ZONE).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(SwedishTime.ZONE).toInstant();
        Set<Instant> up = new HashSet<>();
        Map<String, Level> levels = new TreeMap<>();
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
                    Level level = levels.computeIfAbsent(interfaceName, k -> new Level());
                    level.requests += rs.getLong(3);
                    long failures = rs.getLong(4);
                    level.failures += failures;
                    if (failures > 0) {
                        level.failedMinutes.add(minute);
                    }
                    String latency = rs.getString(5);
                    if (latency != null) {
                        level.latency.add(ServiceLevelRecorder.decode(latency));
                    }
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
        List<InterfaceLevel> interfaces = new ArrayList<>();
        levels.forEach((name, level) -> interfaces.add(new InterfaceLevel(name, level.requests, level.failures,
                percent(serviceMinutes.stream().filter(m -> up.contains(m) && !level.failedMinutes.contains(m)).count(), serviceMinutes.size()),
                millis(level.latency, 50), millis(level.latency, 95), millis(level.latency, 99))));
        return new Report(month, first, first == null ? null : to, serviceMinutes.size(), minutesUp,
                percent(minutesUp, serviceMinutes.size()), interfaces);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 100.0 : Math.round(part * 100_000.0 / whole) / 1000.0;
    }

    private static Double millis(Histogram latency, double percentile) {
        return latency.getTotalCount() == 0 ? null : latency.getValueAtPercentile(percentile) / 1000.0;
    }
}
