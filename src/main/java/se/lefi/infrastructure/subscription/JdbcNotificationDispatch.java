package se.lefi.infrastructure.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.subscription.Backlog;
import se.lefi.domain.subscription.NotificationDispatch;
import se.lefi.domain.subscription.RecordedChange;
import se.lefi.infrastructure.register.RegisterJson;
import se.lefi.infrastructure.register.RegisterWriter;

/** The dispatcher's position and lock in the one row of DISPATCH_STATE; the changes it reads from REGISTER_CHANGE. */
@ApplicationScoped
public class JdbcNotificationDispatch extends JdbcStore implements NotificationDispatch {
    private static final Logger LOG = Logger.getLogger(JdbcNotificationDispatch.class.getName());

    @Override
    public long lock() {
        return on("taking the dispatch lock", c -> {
            RegisterWriter.waitForLocks(c);
            try (PreparedStatement s = c.prepareStatement("SELECT LAST_CHANGE FROM DISPATCH_STATE WHERE ID = 1 FOR UPDATE");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                LOG.warning("the dispatch lock could not be taken: " + e.getMessage() + RegisterWriter.lockHolders(c));
                throw e;
            }
        });
    }

    @Override
    public void dispatched(long lastChange) {
        update("recording the dispatcher's position", "UPDATE DISPATCH_STATE SET LAST_CHANGE = ? WHERE ID = 1", lastChange);
    }

    @Override
    public Backlog backlog() {
        return on("reading the backlog", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT (SELECT COALESCE(MAX(LAST_CHANGE), 0) FROM REGISTER_STATE),"
                    + " (SELECT LAST_CHANGE FROM DISPATCH_STATE WHERE ID = 1)");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    @Override
    public List<RecordedChange> changesAfter(long after, int max) {
        return on("reading the register's changes", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT CHANGE_NUMBER, PERSON_ID, VERSION, PREVIOUS_TYPE, PREVIOUS_END, ITEM,"
                    + " RECORDED_AT FROM REGISTER_CHANGE WHERE CHANGE_NUMBER > ? ORDER BY CHANGE_NUMBER FETCH FIRST " + max + " ROWS ONLY")) {
                s.setLong(1, after);
                try (ResultSet rs = s.executeQuery()) {
                    List<RecordedChange> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new RecordedChange(rs.getLong(1), rs.getString(2), rs.getInt(3), informationType(rs.getString(4)),
                                rs.getObject(5, LocalDate.class), RegisterJson.storedChange(rs.getString(6)), instant(rs, 7)));
                    }
                    return out;
                }
            }
        });
    }

    /** A previous item's type; null for a new item, or for a code this version no longer knows. */
    private static InformationType informationType(String code) {
        if (code == null) {
            return null;
        }
        try {
            return InformationType.valueOf(code);
        } catch (IllegalArgumentException unknownCode) {
            return null;
        }
    }
}
