package se.lefi.application.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import se.lefi.infrastructure.config.LefiConfiguration;

/**
 * How many questions each interface answered per Swedish day, by outcome (GRANTED or the refusal
 * code), from the audit log: what the console draws as requests over time. Nothing personal is read.
 */
@Stateless
public class RequestVolumes {
    /** The longest period asked for at once: a chart of more days would not be read. */
    public static final int MAX_DAYS = 92;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    public record Volume(LocalDate day, String interfaceName, String outcome, long requests) {
    }

    /**
     * The volumes from {@code from} through {@code to} (Swedish days), in order of day, interface and
     * outcome. The day is taken in Java from each record's time, because the databases (H2, PostgreSQL)
     * do not agree on how to take a time's date in a zone.
     */
    public List<Volume> perDay(LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Map<String, long[]>>> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT RECORDED_AT, INTERFACE_NAME, OUTCOME FROM AUDIT_RECORD"
                     + " WHERE RECORDED_AT >= ? AND RECORDED_AT < ?")) {
            s.setObject(1, from.atStartOfDay(LefiConfiguration.SWEDEN).toInstant().atOffset(ZoneOffset.UTC));
            s.setObject(2, to.plusDays(1).atStartOfDay(LefiConfiguration.SWEDEN).toInstant().atOffset(ZoneOffset.UTC));
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = LocalDate.ofInstant(rs.getObject(1, OffsetDateTime.class).toInstant(), LefiConfiguration.SWEDEN);
                    counts.computeIfAbsent(day, k -> new TreeMap<>()).computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(3), k -> new long[1])[0]++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit log's volumes could not be read", e);
        }
        List<Volume> volumes = new ArrayList<>();
        counts.forEach((day, byInterface) -> byInterface.forEach((interfaceName, byOutcome) -> byOutcome.forEach(
                (outcome, n) -> volumes.add(new Volume(day, interfaceName, outcome, n[0])))));
        return volumes;
    }
}
