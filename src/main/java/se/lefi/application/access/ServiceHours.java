package se.lefi.application.access;

import se.lefi.application.audit.AdminActions;
import se.lefi.domain.access.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.lefi.domain.shared.Refusal;
import se.lefi.domain.shared.RefusalCode;
import se.lefi.domain.service.MaintenanceWindow;
import se.lefi.domain.service.OpeningHours;
import se.lefi.domain.service.ServiceWindows;

/**
 * The service windows: opening hours and planned maintenance from configuration
 * ({@code lefi.service.hours}, {@code lefi.service.maintenance}), and maintenance windows that
 * administrators plan while the service runs. A question reads those with its party facts
 * ({@link PartyFacts}), which every administrator's action on them makes every node read afresh, so a window
 * planned on one node closes every node at once. Not an EJB: planning and cancelling are transactions
 * of their own (@Transactional); a question's check runs in the question's.
 */
@ApplicationScoped
public class ServiceHours {
    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @EJB
    AdminActions actions;

    @Inject
    @ConfigProperty(name = "lefi.service.hours", defaultValue = "MON-SUN 00:00-24:00")
    String hours;

    @Inject
    @ConfigProperty(name = "lefi.service.maintenance")
    Optional<String> configuredMaintenance;

    private static final Logger LOG = Logger.getLogger(ServiceHours.class.getName());
    /** "Not yet over", as the end of a period the database can store. */
    private static final Instant OPEN_ENDED = Instant.parse("9999-12-31T00:00:00Z");

    private OpeningHours openingHours;
    private List<MaintenanceWindow> configuredWindows;
    private String configurationError;

    /**
     * A mistake in the configuration closes the service rather than guessing its hours: questions
     * are refused with SERVICE_UNAVAILABLE, and the log and readiness say what is wrong.
     */
    /**
     * Made when the application starts, not when first used: on a server that has answered no question yet,
     * the first use is the readiness probe, whose thread has no naming context to inject the data source
     * from, and readiness then said DOWN until some question came.
     */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // Being called is the point: the container makes this bean on the deploying thread.
    }

    @PostConstruct
    void parseConfiguration() {
        try {
            openingHours = OpeningHours.parse(hours);
            configuredWindows = List.copyOf(MaintenanceWindow.parseConfigured(configuredMaintenance.orElse("")));
        } catch (IllegalArgumentException e) {
            configurationError = "configuration: " + e.getMessage();
            LOG.severe("lefi.service.hours / lefi.service.maintenance: " + e.getMessage() + "; questions are refused until it is fixed");
        }
    }

    /** Open or closed now, why, and the windows not yet over (configured ones have no id). */
    public record Status(boolean open, String reason, Instant reopens, String openingHours, List<MaintenanceWindow> maintenance) {}

    /**
     * The refusal for a question now, if the service is closed. The planned windows come from the question's
     * party facts: they change only through administrators' actions.
     */
    public Optional<Refusal> refusalNow(PartyFacts.Snapshot facts) {
        if (configurationError != null) {
            return Optional.of(new Refusal(RefusalCode.SERVICE_UNAVAILABLE, "The service windows are misconfigured; nothing was disclosed."));
        }
        Instant now = Instant.now();
        ServiceWindows windows = facts.other("maintenance windows", () -> windowsDuring(now, OPEN_ENDED));
        return windows.closedAt(now).map(c -> new Refusal(RefusalCode.OUTSIDE_SERVICE_HOURS,
                c.reason() + (c.reopens() == null ? "." : "; open again from " + c.reopens() + ".")));
    }

    public Status status() {
        if (configurationError != null) {
            return new Status(false, configurationError, null, hours, List.of());
        }
        ServiceWindows windows = windows();
        Optional<ServiceWindows.Closure> closure = windows.closedAt(Instant.now());
        return new Status(closure.isEmpty(), closure.map(ServiceWindows.Closure::reason).orElse(null),
                closure.map(ServiceWindows.Closure::reopens).orElse(null), windows.hours().toString(), windows.maintenance());
    }

    @Transactional
    public MaintenanceWindow plan(Caller admin, MaintenanceWindow planned) {
        Instant start = planned.start();
        Instant end = planned.end();
        String reason = planned.reason();
        MaintenanceWindow window;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO MAINTENANCE_WINDOW (STARTS_AT, ENDS_AT, REASON, PLANNED_AT) VALUES (?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            s.setObject(1, utc(start));
            s.setObject(2, utc(end));
            s.setString(3, reason);
            s.setObject(4, utc(Instant.now()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                window = new MaintenanceWindow(keys.getLong(1), start, end, reason);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the maintenance window could not be stored", e);
        }
        actions.record(AdminActions.of(admin, "PLAN_MAINTENANCE", "window " + window.id(), start + "/" + end + " " + reason, "DONE"));
        return window;
    }

    /** Removes a window administrators planned; false if there is none with that id. */
    @Transactional
    public boolean cancel(Caller admin, long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM MAINTENANCE_WINDOW WHERE ID = ?")) {
            s.setLong(1, id);
            if (s.executeUpdate() == 0) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the maintenance window could not be removed", e);
        }
        actions.record(AdminActions.of(admin, "CANCEL_MAINTENANCE", "window " + id, "removed", "DONE"));
        return true;
    }

    private ServiceWindows windows() {
        return windowsDuring(Instant.now(), OPEN_ENDED);
    }

    /** The opening hours, and the maintenance windows that overlap {@code from}..{@code to}. */
    public ServiceWindows windowsDuring(Instant from, Instant to) {
        List<MaintenanceWindow> maintenance = new ArrayList<>(configuredWindows);
        maintenance.removeIf(w -> !w.end().isAfter(from) || !w.start().isBefore(to));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT ID, STARTS_AT, ENDS_AT, REASON FROM MAINTENANCE_WINDOW WHERE ENDS_AT > ? AND STARTS_AT < ? ORDER BY STARTS_AT")) {
            s.setObject(1, utc(from));
            s.setObject(2, utc(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    maintenance.add(new MaintenanceWindow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the maintenance windows could not be read", e);
        }
        return new ServiceWindows(openingHours, maintenance);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
