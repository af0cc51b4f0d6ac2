package se.lefi.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import se.lefi.domain.shared.RefusalCode;

/**
 * Where each measured request goes: MicroProfile Metrics (a counter by interface, operation and
 * outcome, a timer by interface and operation, both in /metrics for Prometheus), and this node's
 * minute of service-level data (requests, failures, an HdrHistogram of response times per interface)
 * that {@link ServiceLevelRecorder} stores for the SLA report.
 */
@ApplicationScoped
public class ServiceLevelMeter {
    /** Response times from 1 µs to 10 min, to 2 significant digits: a few hundred bytes per minute. */
    static final long MAX_MICROS = 600_000_000L;
    private static final int DIGITS = 2;

    /** An empty histogram of the stored kind (microseconds, the range and precision above). */
    public static Histogram latencyHistogram() {
        return new Histogram(1, MAX_MICROS, DIGITS);
    }

    private static final Metadata REQUESTS = Metadata.builder().withName("lefi_requests_total")
            .withDescription("Requests by interface (SOAP, REST, WEB), operation and outcome (GRANTED or a refusal code)").build();
    private static final Metadata DURATION = Metadata.builder().withName("lefi_request_duration")
            .withDescription("Response time by interface and operation, from arrival to the response written")
            .withUnit(MetricUnits.NANOSECONDS).build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** One interface's requests in one minute. */
    static final class Minute {
        final LongAdder requests = new LongAdder();
        final LongAdder failures = new LongAdder();
        final Histogram latency = new ConcurrentHistogram(1, MAX_MICROS, DIGITS);
    }

    record Key(Instant minute, String interfaceName) {}

    private final Map<Key, Minute> minutes = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public void observe(String interfaceName, String operation, String outcome, long nanos) {
        counters.computeIfAbsent(interfaceName + '|' + operation + '|' + outcome, k -> registry.counter(REQUESTS,
                new Tag("interface", interfaceName), new Tag("operation", operation), new Tag("outcome", outcome))).inc();
        timers.computeIfAbsent(interfaceName + '|' + operation, k -> registry.timer(DURATION,
                new Tag("interface", interfaceName), new Tag("operation", operation))).update(Duration.ofNanos(nanos));

        Minute minute = minutes.computeIfAbsent(new Key(Instant.now().truncatedTo(ChronoUnit.MINUTES), interfaceName), k -> new Minute());
        minute.requests.increment();
        if (RefusalCode.SERVICE_UNAVAILABLE.name().equals(outcome)) {
            minute.failures.increment();
        }
        minute.latency.recordValue(Math.max(1, Math.min(MAX_MICROS, nanos / 1000)));
    }

    /** Takes the minutes that ended before {@code now}, for storing. */
    List<Map.Entry<Key, Minute>> takeEndedBefore(Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.MINUTES);
        List<Map.Entry<Key, Minute>> ended = new ArrayList<>();
        for (Key key : List.copyOf(minutes.keySet())) {
            if (key.minute().isBefore(current)) {
                Minute minute = minutes.remove(key);
                if (minute != null) {
                    ended.add(Map.entry(key, minute));
                }
            }
        }
        return ended;
    }
}
