package se.lefi.application.subscription;

import jakarta.annotation.Resource;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import se.lefi.domain.subscription.RegisterChange;
import se.lefi.infrastructure.config.LefiConfiguration;
import se.lefi.infrastructure.register.RegisterWriter;

/**
 * The register's change feed: applies dated changes in one transaction, all or none. Each change gets
 * the next change number and its own register time (a microsecond after the one before), so the
 * register can be read as of any change, and notifications are produced from REGISTER_CHANGE.
 */
@Stateless
public class RegisterChanges {
    /** A change the register refuses; {@code index} is its position in the batch (0-based). Rolls the batch back. */
    @ApplicationException(rollback = true)
    public static class Refused extends Exception {
        private final int index;
        private final String code;

        public Refused(int index, String code, String message) {
            super(message);
            this.index = index;
            this.code = code;
        }

        public int index() { return index; }
        public String code() { return code; }
    }

    public record Applied(int count, long firstChange, long lastChange, Instant registerTime) {
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    LefiConfiguration configuration;

    @Inject
    Event<NotificationDispatcher.ChangesApplied> applied;

    public Applied apply(List<RegisterChange> changes) throws Refused {
        LocalDate today = LocalDate.now(configuration.clock());
        for (int i = 0; i < changes.size(); i++) {
            Optional<String> problem = changes.get(i).problem(today);
            if (problem.isPresent()) {
                throw new Refused(i, "INVALID_CHANGE", problem.get());
            }
        }
        try (Connection c = dataSource.getConnection()) {
            RegisterWriter.Position position = RegisterWriter.lock(c);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant time = position.registerTime().isBefore(now) ? now : position.registerTime();
            long number = position.lastChange();
            for (int i = 0; i < changes.size(); i++) {
                RegisterChange change = changes.get(i).normalised();
                if (!RegisterWriter.personExists(c, change.personId())) {
                    throw new Refused(i, "UNKNOWN_PERSON", "The register holds no such person.");
                }
                RegisterWriter.Previous previous = RegisterWriter.current(c, change);
                if (previous.version() > 0 && !previous.personId().equals(change.personId())) {
                    throw new Refused(i, "ITEM_OF_ANOTHER_PERSON", "The item id belongs to another person.");
                }
                time = time.plus(1, ChronoUnit.MICROS);
                RegisterWriter.apply(c, change, previous, ++number, time);
            }
            RegisterWriter.advance(c, new RegisterWriter.Position(number, time));
            applied.fire(new NotificationDispatcher.ChangesApplied(number));
            return new Applied(changes.size(), position.lastChange() + 1, number, time);
        } catch (SQLException e) {
            throw new IllegalStateException("the register changes could not be applied", e);
        }
    }
}
