package se.lefi.infrastructure.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import se.lefi.domain.subscription.NotificationDispatch;

/**
 * Stores this node's service-level minutes once a minute: one row per interface that had requests,
 * and one row ({@code *}) saying the node was up, which the SLA report's availability counts. Also
 * publishes the notification backlog as a gauge.
 */
@Singleton
@Startup
public class ServiceLevelRecorder {
    private static final Logger LOG = Logger.getLogger(ServiceLevelRecorder.class.getName());
    public static final String NODE_UP = "*";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    ServiceLevelMeter meter;

    @Inject
    NotificationDispatch dispatch;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "lefi.node.name", defaultValue = " ")
    String configuredNode;

    private String node;

    @PostConstruct
    void start() {
        node = configuredNode.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configuredNode.strip();
        registry.gauge(Metadata.builder().withName("lefi_notification_backlog")
                .withDescription("Register changes not yet turned into notifications").build(), this, ServiceLevelRecorder::backlog);
    }

    @Lock(LockType.READ)
    public String node() {
        return node;
    }

    long backlog() {
        try {
            return dispatch.backlog().pending();
        } catch (RuntimeException databaseDown) {
            return -1;
        }
    }

    @Schedule(hour = "*", minute = "*", second = "2", persistent = false)
    void store() {
        Instant now = Instant.now();
        List<Map.Entry<ServiceLevelMeter.Key, ServiceLevelMeter.Minute>> ended = meter.takeEndedBefore(now);
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO SERVICE_LEVEL_MINUTE"
                     + " (NODE, MINUTE_START, INTERFACE_NAME, REQUESTS, FAILURES, LATENCY)"
                     + " SELECT ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS ONE_ROW (X) WHERE NOT EXISTS (SELECT 1 FROM SERVICE_LEVEL_MINUTE"
                     + " WHERE NODE = ? AND MINUTE_START = ? AND INTERFACE_NAME = ?)")) {
            add(insert, now.truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES), NODE_UP, 0, 0, null);
            for (Map.Entry<ServiceLevelMeter.Key, ServiceLevelMeter.Minute> e : ended) {
                ServiceLevelMeter.Minute m = e.getValue();
                add(insert, e.getKey().minute(), e.getKey().interfaceName(), m.requests.sum(), m.failures.sum(), encode(m.latency));
            }
            insert.executeBatch();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "service-level minute not stored: " + e.getMessage());
        }
    }

    private void add(PreparedStatement insert, Instant minute, String interfaceName, long requests, long failures, String latency)
            throws SQLException {
        insert.setString(1, node);
        insert.setObject(2, minute.atOffset(ZoneOffset.UTC));
        insert.setString(3, interfaceName);
        insert.setLong(4, requests);
        insert.setLong(5, failures);
        insert.setString(6, latency);
        insert.setString(7, node);
        insert.setObject(8, minute.atOffset(ZoneOffset.UTC));
        insert.setString(9, interfaceName);
        insert.addBatch();
    }

    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    public static Histogram decode(String text) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("not a stored latency histogram", e);
        }
    }
}
